"use server";

import { formText, formValuesOf } from "@/features/postmortems/form-values";
import { authorizedAction } from "@/lib/actions/authorized-action";
import { db } from "@/lib/db";
import { reorderAgenda } from "../mutations/agenda-edits";
import { answerReviewChange, type ReviewFormState } from "../action-state";

export const reorderAgendaAction = authorizedAction(
  "review:manage",
  async (actor, _previous: ReviewFormState | undefined, form: FormData): Promise<ReviewFormState> => {
    const values = formValuesOf(form);
    const handles = form.getAll("handles").filter((h) => typeof h === "string");
    return answerReviewChange(formText(form, "week"), () => reorderAgenda(db, { ...values, handles }, actor), { ok: "Agenda reordered.", failure: "The agenda was not reordered" }, values);
  },
);
