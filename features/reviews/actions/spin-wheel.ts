"use server";

import { authorizedAction } from "@/lib/actions/authorized-action";
import { db } from "@/lib/db";
import { answerChange } from "@/lib/forms/answer";
import { formText, formValuesOf } from "@/lib/forms/form-data";
import type { FormState } from "@/lib/forms/state";
import { spinWheel } from "../mutations/wheel-spin";
import { reviewAnswer, type ReviewFormExtra } from "../form-answer";

export const spinWheelAction = authorizedAction(
  "review:manage",
  async (actor, _previous: FormState<ReviewFormExtra> | undefined, form: FormData): Promise<FormState<ReviewFormExtra>> =>
    answerChange(() => spinWheel(db, formValuesOf(form), actor), reviewAnswer(formText(form, "week"), "The wheel is spinning.", "The wheel did not spin")),
);
