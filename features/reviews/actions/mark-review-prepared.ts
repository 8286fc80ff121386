"use server";

import { formText, formValuesOf } from "@/features/postmortems/form-values";
import { authorizedAction } from "@/lib/actions/authorized-action";
import { db } from "@/lib/db";
import { markReviewPrepared } from "../mutations/meeting";
import { answerReviewChange, type ReviewFormState } from "../action-state";

export const markReviewPreparedAction = authorizedAction(
  "review:manage",
  async (actor, _previous: ReviewFormState | undefined, form: FormData): Promise<ReviewFormState> => {
    const values = formValuesOf(form);
    return answerReviewChange(formText(form, "week"), () => markReviewPrepared(db, values, actor), { ok: "Marked prepared.", failure: "The review was not marked prepared" }, values);
  },
);
