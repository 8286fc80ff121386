"use server";

import { db } from "@/lib/db";
import { reviewFormAction } from "../form-answer";
import { removeAgendaItem } from "../mutations/agenda-edits";

export const removeAgendaItemAction = reviewFormAction(db, removeAgendaItem, "Item removed.", "The item was not removed");
