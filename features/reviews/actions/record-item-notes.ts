"use server";

import { db } from "@/lib/db";
import { reviewFormAction } from "../form-answer";
import { recordItemNotes } from "../mutations/item-edits";

export const recordItemNotesAction = reviewFormAction(db, recordItemNotes, "Notes and decision saved.", "The notes were not saved");
