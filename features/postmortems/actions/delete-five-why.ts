"use server";

import { db } from "@/lib/db";
import { postmortemFormAction } from "../form-answer";
import { deleteFiveWhy } from "../mutations/five-whys";

export const deleteFiveWhyAction = postmortemFormAction("postmortem:edit", db, deleteFiveWhy, ["whyId"], "Entry removed.", "The entry was not removed");
