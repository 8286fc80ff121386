"use server";

import { db } from "@/lib/db";
import { postmortemFormAction } from "../form-answer";
import { addFiveWhy } from "../mutations/five-whys";

export const addFiveWhyAction = postmortemFormAction("postmortem:edit", db, addFiveWhy, ["text"], "Added to the five whys.", "The entry was not added");
