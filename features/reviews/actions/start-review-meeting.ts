"use server";

import { formText, formValuesOf } from "@/features/postmortems/form-values";
import { authorizedAction } from "@/lib/actions/authorized-action";
import { db } from "@/lib/db";
import { startReviewMeeting } from "../mutations/meeting";
import { answerReviewChange, type ReviewFormState } from "../action-state";

export const startReviewMeetingAction = authorizedAction(
  "review:manage",
  async (actor, _previous: ReviewFormState | undefined, form: FormData): Promise<ReviewFormState> => {
    const values = formValuesOf(form);
    return answerReviewChange(formText(form, "week"), () => startReviewMeeting(db, values, actor), { ok: "The meeting has started: the agenda and its figures are frozen.", failure: "The meeting did not start" }, values);
  },
);
