"use server";

import { db } from "@/lib/db";
import { reviewFormAction } from "../form-answer";
import { updateAgendaItem } from "../mutations/item-edits";

export const updateAgendaItemAction = reviewFormAction(db, updateAgendaItem, "Saved.", "The item was not saved");
