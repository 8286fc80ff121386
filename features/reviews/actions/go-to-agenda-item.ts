"use server";

import { db } from "@/lib/db";
import { reviewFormAction } from "../form-answer";
import { goToAgendaItem } from "../mutations/meeting";

export const goToAgendaItemAction = reviewFormAction(db, goToAgendaItem, "Moved on.", "The meeting did not move to that item");
