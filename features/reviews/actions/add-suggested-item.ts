"use server";

import { db } from "@/lib/db";
import { reviewFormAction } from "../form-answer";
import { addSuggestedItem } from "../mutations/agenda-edits";

export const addSuggestedItemAction = reviewFormAction(db, addSuggestedItem, "Added to the agenda.", "The item was not added");
