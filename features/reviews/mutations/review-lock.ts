import { auditEventData } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import type { Database } from "@/lib/db/client";
import { ConflictError, ForbiddenError, RuleViolationError, ValidationError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { fieldErrorsOf } from "@/lib/validation";
import type { z } from "zod";
import { getOrganisationSettings } from "@/features/settings/queries";
import { buildProposedAgenda } from "../agenda";
import { gatherAgendaFacts } from "../facts";
import { loadStoredReview } from "../reads";
import { meetingDateOf } from "../schedule";
import type { StoredAgendaItem, StoredReview } from "../view";

export type Transaction = Prisma.TransactionClient;

export function parseReviewInput<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new ValidationError(fieldErrorsOf(parsed.error));
  return parsed.data;
}

// Pages and actions check this too; repeated so that no caller can skip it.
export function assertMayManageReviews(actor: Actor) {
  if (!can(actor.role, "review:manage")) throw new ForbiddenError(`Your role (${actor.role}) may not prepare or run weekly reviews.`);
}

async function lastChangeBy(tx: Transaction, reviewId: string): Promise<string> {
  const event = await tx.auditEvent.findFirst({ where: { entityType: "Review", entityId: reviewId }, orderBy: { occurredAt: "desc" }, select: { actorLabel: true } });
  return event ? ` by ${event.actorLabel}` : "";
}

/**
 * Stores the app's proposal as the week's agenda, so a LEAD can edit it. The facts are read
 * before the transaction; two LEADs doing this at once get one stored agenda and one conflict.
 */
export async function storeProposedAgenda(db: Database, week: string, actor: Actor, now = new Date()): Promise<void> {
  if (await db.review.findUnique({ where: { isoWeek: week }, select: { id: true } })) return;
  const [settings, facts] = await Promise.all([getOrganisationSettings(db), gatherAgendaFacts(db, week, now)]);
  const proposed = buildProposedAgenda(facts);
  try {
    await db.$transaction(async (tx) => {
      const review = await tx.review.create({
        data: {
          isoWeek: week,
          meetingDate: new Date(`${meetingDateOf(week, settings.meetingWeekday)}T00:00:00Z`),
          wheelServiceId: facts.wheel.service ? (await tx.service.findUnique({ where: { slug: facts.wheel.service.slug }, select: { id: true } }))?.id : null,
          agendaItems: {
            create: proposed.map((item, position) => ({ kind: item.kind, title: item.title, position, minutes: item.minutes, proposalKey: item.key })),
          },
        },
      });
      await tx.auditEvent.create({ data: auditEventData(actor, { action: "review.store", entityType: "Review", entityId: review.id, changes: { week, items: proposed.map((p) => p.key) } }) });
    });
  } catch (error) {
    // Someone stored it a moment earlier: theirs stands, and the version check decides.
    if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")) throw error;
  }
}

/**
 * Locks the week's review for a change and checks the version the change was based on
 * (0 = the page showed only the proposal; null = the change is to one item, checked there).
 */
export async function lockReview(tx: Transaction, week: string, expectedVersion: number | null): Promise<StoredReview> {
  const locked = await tx.$queryRaw<{ id: string; version: number }[]>`SELECT id, version FROM reviews WHERE iso_week = ${week} FOR UPDATE`;
  const row = locked[0];
  if (!row) throw new ConflictError(`The review of ${week} is not stored yet; reload and try again.`);
  const seenOnlyProposal = expectedVersion === 0 && row.version === 1;
  if (expectedVersion !== null && expectedVersion !== row.version && !seenOnlyProposal) {
    throw new ConflictError(`The agenda of ${week} was changed${await lastChangeBy(tx, row.id)} since you loaded it; reload to see the change, then try again.`);
  }
  const review = await loadStoredReview(tx, week);
  if (!review) throw new ConflictError(`The review of ${week} is not stored yet; reload and try again.`);
  return review;
}

export function assertNotFrozen(review: StoredReview) {
  if (review.snapshot) throw new RuleViolationError({ agenda: ["the meeting has started, so the agenda is frozen; only notes and decisions can change"] });
}

export function findItem(review: StoredReview, handle: string): StoredAgendaItem {
  const item = review.items.find((i) => i.id === handle || i.proposalKey === handle);
  if (!item) throw new ConflictError("That agenda item is no longer on the agenda; reload to see the current agenda.");
  return item;
}

/** Records the change: a new review version and its audit event. */
export async function commitReviewChange(tx: Transaction, review: StoredReview, actor: Actor, action: string, changes: unknown, data: Prisma.ReviewUpdateInput = {}) {
  const updated = await tx.review.update({ where: { id: review.id }, data: { ...data, version: { increment: 1 } }, select: { version: true } });
  await tx.auditEvent.create({ data: auditEventData(actor, { action, entityType: "Review", entityId: review.id, changes }) });
  return { version: updated.version };
}
