"use server";

import { formText, formValuesOf } from "@/features/postmortems/form-values";
import { authorizedAction } from "@/lib/actions/authorized-action";
import { db } from "@/lib/db";
import { removeAgendaItem } from "../mutations/agenda-edits";
import { answerReviewChange, type ReviewFormState } from "../action-state";

export const removeAgendaItemAction = authorizedAction(
  "review:manage",
  async (actor, _previous: ReviewFormState | undefined, form: FormData): Promise<ReviewFormState> => {
    const values = formValuesOf(form);
    return answerReviewChange(formText(form, "week"), () => removeAgendaItem(db, values, actor), { ok: "Item removed.", failure: "The item was not removed" }, values);
  },
);
