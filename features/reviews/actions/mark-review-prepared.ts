"use server";

import { db } from "@/lib/db";
import { reviewFormAction } from "../form-answer";
import { markReviewPrepared } from "../mutations/meeting";

export const markReviewPreparedAction = reviewFormAction(db, markReviewPrepared, "Marked prepared.", "The review was not marked prepared");
