import { auditEventData } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { assertMay } from "@/lib/auth/assert-may";
import type { Database } from "@/lib/db/client";
import { RuleViolationError } from "@/lib/errors";
import { reviewWeekSchema } from "../schemas";
import { MANAGE_REVIEWS, parseReviewInput } from "./review-change";

const OVER = "the meeting is over: the wheel stays where it landed";

/**
 * A LEAD spins the wheel. In the meeting the spin is recorded, so that screens following along
 * show where it landed; before the meeting it is a rehearsal and records nothing; once the
 * meeting is over it is refused. The review's version is left alone: a spin changes nothing that
 * anyone edits, so it must not make another LEAD's page stale.
 */
export async function spinWheel(db: Database, rawInput: unknown, actor: Actor, now = new Date()): Promise<{ version: number; recorded: boolean }> {
  assertMay(actor, ...MANAGE_REVIEWS);
  const { week } = parseReviewInput(reviewWeekSchema, rawInput);
  const review = await db.review.findUnique({ where: { isoWeek: week }, select: { id: true, status: true, version: true } });
  if (review?.status === "DONE") throw new RuleViolationError({ status: [OVER] });
  if (review?.status !== "IN_PROGRESS") return { version: review?.version ?? 0, recorded: false };
  return db.$transaction(async (tx) => {
    const { count } = await tx.review.updateMany({ where: { id: review.id, status: "IN_PROGRESS" }, data: { wheelSpunAt: now } });
    if (count === 0) throw new RuleViolationError({ status: [OVER] });
    await tx.auditEvent.create({
      data: auditEventData(actor, { action: "review.spinWheel", entityType: "Review", entityId: review.id, changes: { wheelSpunAt: now.toISOString() } }),
    });
    return { version: review.version, recorded: true };
  });
}
