import { createActionItem, type ActionItemChangeResult } from "@/features/action-items/mutations";
import type { Actor } from "@/lib/auth/actor";
import type { Database } from "@/lib/db/client";
import { RuleViolationError, ValidationError } from "@/lib/errors";
import { isoWeekField } from "../schemas";
import { assertMayManageReviews } from "./review-lock";

/**
 * An action item agreed in the meeting (on an incident named by `incidentReference` or
 * `incidentId`): it lands on the incident like any other, and remembers the review it came from.
 */
export async function createMeetingActionItem(db: Database, rawInput: Record<string, unknown>, actor: Actor): Promise<ActionItemChangeResult> {
  assertMayManageReviews(actor);
  const week = isoWeekField.safeParse(rawInput.week);
  if (!week.success) throw new ValidationError({ week: week.error.issues.map((i) => i.message) });
  const review = await db.review.findUnique({ where: { isoWeek: week.data }, select: { id: true, status: true } });
  if (!review || (review.status !== "IN_PROGRESS" && review.status !== "DONE")) {
    throw new RuleViolationError({ status: ["action items are recorded here once the meeting has started"] });
  }
  // The meeting names incidents by reference; the action item needs the id.
  const reference = typeof rawInput.incidentReference === "string" ? rawInput.incidentReference.trim() : "";
  const incident = reference ? await db.incident.findUnique({ where: { reference }, select: { id: true } }) : null;
  if (reference && !incident) throw new ValidationError({ incidentReference: [`no incident ${reference}`] });
  return createActionItem(db, { ...rawInput, incidentId: incident?.id ?? rawInput.incidentId }, actor, { reviewId: review.id });
}
