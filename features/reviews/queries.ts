import "server-only";
import { db } from "@/lib/db";
import { loadMeetingActionItems, loadPresenters, loadReviewView } from "./reads/review";
import { listReviewWeeks } from "./reads/review-weeks";

/** Reads used by the review pages; the functions they wrap take the database explicitly for tests and the API. */
export const getReviewView = (week: string) => loadReviewView(db, week);
export const listReviews = () => listReviewWeeks(db);

/** People who can present an item: every active user, by name. */
export const listPresenters = () => loadPresenters(db);

/** The action items agreed in a review's meeting, oldest first. */
export const listMeetingActionItems = (reviewId: string) => loadMeetingActionItems(db, reviewId);
