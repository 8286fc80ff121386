import "server-only";
import { db } from "@/lib/db";
import { listReviewWeeks } from "./list";
import { loadMeetingActionItems, loadReviewView } from "./reads";

/** Reads used by the review pages; the functions they wrap take the database explicitly for tests and the API. */
export const getReviewView = (week: string) => loadReviewView(db, week);
export const listReviews = () => listReviewWeeks(db);

/** People who can present an item: every active user, by name. */
export async function listPresenters(): Promise<{ id: string; name: string }[]> {
  const users = await db.user.findMany({ where: { active: true }, select: { id: true, name: true, email: true }, orderBy: [{ name: "asc" }, { email: "asc" }] });
  return users.map((u) => ({ id: u.id, name: u.name ?? u.email }));
}

/** The action items agreed in a review's meeting, oldest first. */
export const listMeetingActionItems = (reviewId: string) => loadMeetingActionItems(db, reviewId);
