"use server";

import { db } from "@/lib/db";
import { reviewFormAction } from "../form-answer";
import { addCustomItem } from "../mutations/agenda-edits";

export const addCustomItemAction = reviewFormAction(db, addCustomItem, "Item added at the end of the agenda.", "The item was not added");
