import { insertActionItem, type ActionItemChangeResult } from "@/features/action-items/mutations";
import type { Actor } from "@/lib/auth/actor";
import { assertMay } from "@/lib/auth/assert-may";
import type { Database } from "@/lib/db/client";
import { RuleViolationError, ValidationError } from "@/lib/errors";
import { addFieldError, fieldErrorsOf, type FieldErrors } from "@/lib/validation";
import { loadStoredReview } from "../reads/review";
import { meetingActionItemSchema, reviewWeekSchema } from "../schemas";
import { subjectsOf } from "../subjects";
import { MANAGE_REVIEWS, findItem, parseReviewInput } from "./review-change";

/** What is wrong with the incident chosen for an action item agreed on an item about `incidents` (none when they are empty). */
export function incidentChoiceErrors(chosen: string | undefined, incidents: readonly string[]): string[] {
  if (incidents.length === 0) return chosen ? ["this agenda item is about no incident: leave it empty and the action item is a follow-up of the review"] : [];
  if (!chosen) return ["choose which of this item's incidents the action item belongs to"];
  return incidents.includes(chosen) ? [] : [`${chosen} is not one of this item's incidents; choose one of them`];
}

/**
 * An action item agreed on an agenda item in the meeting. On an item about incidents it lands on
 * the one the person chose, which must be one of that item's (as the frozen agenda shows them);
 * on an item about none (the metrics, a custom topic, the wheel) it belongs to the review alone.
 * Either way it remembers the review and the agenda item that agreed it.
 */
export async function createMeetingActionItem(db: Database, rawInput: Record<string, unknown>, actor: Actor): Promise<ActionItemChangeResult> {
  assertMay(actor, ...MANAGE_REVIEWS);
  assertMay(actor, "actionItem:edit", "change action items");
  const { week } = parseReviewInput(reviewWeekSchema, rawInput);
  const review = await loadStoredReview(db, week);
  if (!review || (review.status !== "IN_PROGRESS" && review.status !== "DONE")) {
    throw new RuleViolationError({ status: ["action items are recorded here once the meeting has started"] });
  }
  const parsed = meetingActionItemSchema.safeParse(rawInput);
  const errors: FieldErrors = parsed.success ? {} : fieldErrorsOf(parsed.error);
  const item = typeof rawInput.handle === "string" && rawInput.handle ? findItem(review, rawInput.handle) : null;
  if (item && !errors.incidentReference) {
    const { incidentReferences } = subjectsOf(review.snapshot?.details[item.id] ?? null);
    const choiceErrors = incidentChoiceErrors(parsed.data?.incidentReference, incidentReferences);
    if (choiceErrors.length > 0) addFieldError(errors, "incidentReference", ...choiceErrors);
  }
  if (!parsed.success || !item || Object.keys(errors).length > 0) throw new ValidationError(errors);
  const { incidentReference, ...fields } = parsed.data;
  return db.$transaction(async (tx) => {
    const incident = incidentReference
      ? await tx.incident.findUnique({ where: { reference: incidentReference }, select: { id: true, reference: true } })
      : null;
    if (incidentReference && !incident) throw new ValidationError({ incidentReference: [`no incident ${incidentReference}`] });
    return insertActionItem(tx, fields, { incident, reviewId: review.id, agendaItemId: item.id }, actor);
  });
}
