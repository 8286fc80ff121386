"use server";

import { db } from "@/lib/db";
import { postmortemFormAction } from "../form-answer";
import { editFiveWhy } from "../mutations/five-whys";

export const editFiveWhyAction = postmortemFormAction("postmortem:edit", db, editFiveWhy, ["whyId", "text"], "Entry saved.", "The entry was not saved");
