"use server";

import { formText, formValuesOf } from "@/features/postmortems/form-values";
import { authorizedAction } from "@/lib/actions/authorized-action";
import { db } from "@/lib/db";
import { finishReviewMeeting } from "../mutations/meeting";
import { answerReviewChange, type ReviewFormState } from "../action-state";

export const finishReviewMeetingAction = authorizedAction(
  "review:manage",
  async (actor, _previous: ReviewFormState | undefined, form: FormData): Promise<ReviewFormState> => {
    const values = formValuesOf(form);
    return answerReviewChange(formText(form, "week"), () => finishReviewMeeting(db, values, actor), { ok: "The meeting is finished.", failure: "The meeting was not finished" }, values);
  },
);
