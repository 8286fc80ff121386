"use server";

import { authorizedAction } from "@/lib/actions/authorized-action";
import { db } from "@/lib/db";
import { answerChange } from "@/lib/forms/answer";
import { formText, formValuesOf } from "@/lib/forms/form-data";
import type { FormState } from "@/lib/forms/state";
import { finishReviewMeeting } from "../mutations/meeting";
import { reviewAnswer, type ReviewFormExtra } from "../form-answer";

export const finishReviewMeetingAction = authorizedAction(
  "review:manage",
  async (actor, _previous: FormState<ReviewFormExtra> | undefined, form: FormData): Promise<FormState<ReviewFormExtra>> => {
    const values = formValuesOf(form);
    return answerChange(
      () => finishReviewMeeting(db, values, actor),
      reviewAnswer(formText(form, "week"), "The meeting is finished.", "The meeting was not finished", values),
    );
  },
);
