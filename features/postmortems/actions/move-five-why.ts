"use server";

import { db } from "@/lib/db";
import { postmortemFormAction } from "../form-answer";
import { moveFiveWhy } from "../mutations/five-whys";

export const moveFiveWhyAction = postmortemFormAction("postmortem:edit", db, moveFiveWhy, ["whyId", "direction"], "Entry moved.", "The entry was not moved");
