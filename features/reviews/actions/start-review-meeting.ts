"use server";

import { authorizedAction } from "@/lib/actions/authorized-action";
import { db } from "@/lib/db";
import { answerChange } from "@/lib/forms/answer";
import { formText, formValuesOf } from "@/lib/forms/form-data";
import type { FormState } from "@/lib/forms/state";
import { startReviewMeeting } from "../mutations/meeting";
import { reviewAnswer, type ReviewFormExtra } from "../form-answer";

export const startReviewMeetingAction = authorizedAction(
  "review:manage",
  async (actor, _previous: FormState<ReviewFormExtra> | undefined, form: FormData): Promise<FormState<ReviewFormExtra>> => {
    const values = formValuesOf(form);
    return answerChange(
      () => startReviewMeeting(db, values, actor),
      reviewAnswer(formText(form, "week"), "The meeting has started: the agenda and its figures are frozen.", "The meeting did not start", values),
    );
  },
);
