"use server";

import { formText, formValuesOf } from "@/features/postmortems/form-values";
import { authorizedAction } from "@/lib/actions/authorized-action";
import { db } from "@/lib/db";
import { goToAgendaItem } from "../mutations/meeting";
import { answerReviewChange, type ReviewFormState } from "../action-state";

export const goToAgendaItemAction = authorizedAction(
  "review:manage",
  async (actor, _previous: ReviewFormState | undefined, form: FormData): Promise<ReviewFormState> => {
    const values = formValuesOf(form);
    return answerReviewChange(formText(form, "week"), () => goToAgendaItem(db, values, actor), { ok: "Moved on.", failure: "The meeting did not move to that item" }, values);
  },
);
