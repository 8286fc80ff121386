"use server";

import { formText, formValuesOf } from "@/features/postmortems/form-values";
import { authorizedAction } from "@/lib/actions/authorized-action";
import { db } from "@/lib/db";
import { updateAgendaItem } from "../mutations/item-edits";
import { answerReviewChange, type ReviewFormState } from "../action-state";

export const updateAgendaItemAction = authorizedAction(
  "review:manage",
  async (actor, _previous: ReviewFormState | undefined, form: FormData): Promise<ReviewFormState> => {
    const values = formValuesOf(form);
    return answerReviewChange(formText(form, "week"), () => updateAgendaItem(db, values, actor), { ok: "Saved.", failure: "The item was not saved" }, values);
  },
);
