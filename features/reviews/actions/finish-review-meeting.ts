"use server";

import { db } from "@/lib/db";
import { reviewFormAction } from "../form-answer";
import { finishReviewMeeting } from "../mutations/meeting";

export const finishReviewMeetingAction = reviewFormAction(db, finishReviewMeeting, "The meeting is finished.", "The meeting was not finished");
