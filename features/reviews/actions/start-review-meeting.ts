"use server";

import { db } from "@/lib/db";
import { reviewFormAction } from "../form-answer";
import { startReviewMeeting } from "../mutations/meeting";

export const startReviewMeetingAction = reviewFormAction(
  db,
  startReviewMeeting,
  "The meeting has started: the agenda and its figures are frozen.",
  "The meeting did not start",
);
