"use server";

import { formText, formValuesOf } from "@/features/postmortems/form-values";
import { authorizedAction } from "@/lib/actions/authorized-action";
import { db } from "@/lib/db";
import { addSuggestedItem } from "../mutations/agenda-edits";
import { answerReviewChange, type ReviewFormState } from "../action-state";

export const addSuggestedItemAction = authorizedAction(
  "review:manage",
  async (actor, _previous: ReviewFormState | undefined, form: FormData): Promise<ReviewFormState> => {
    const values = formValuesOf(form);
    return answerReviewChange(formText(form, "week"), () => addSuggestedItem(db, values, actor), { ok: "Added to the agenda.", failure: "The item was not added" }, values);
  },
);
