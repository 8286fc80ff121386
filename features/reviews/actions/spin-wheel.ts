"use server";

import { formText, formValuesOf } from "@/features/postmortems/form-values";
import { authorizedAction } from "@/lib/actions/authorized-action";
import { db } from "@/lib/db";
import { spinWheel } from "../mutations/wheel-spin";
import { answerReviewChange, type ReviewFormState } from "../action-state";

export const spinWheelAction = authorizedAction(
  "review:manage",
  async (actor, _previous: ReviewFormState | undefined, form: FormData): Promise<ReviewFormState> =>
    answerReviewChange(formText(form, "week"), () => spinWheel(db, formValuesOf(form), actor), { ok: "The wheel is spinning.", failure: "The wheel did not spin" }),
);
