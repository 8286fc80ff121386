import { auditEventData } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { assertMay } from "@/lib/auth/assert-may";
import type { Database } from "@/lib/db/client";
import { ConflictError, RuleViolationError, ValidationError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { fieldErrorsOf } from "@/lib/validation";
import type { z } from "zod";
import { getOrganisationSettings } from "@/lib/organisation-settings";
import { buildProposedAgenda } from "../agenda";
import { gatherAgendaFacts } from "../reads/agenda-facts";
import { loadStoredReview } from "../reads/review";
import { meetingDateOf } from "../schedule";
import type { ProposedItem } from "../agenda-types";
import type { StoredAgendaItem, StoredReview } from "../view";

export type Transaction = Prisma.TransactionClient;

export function parseReviewInput<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new ValidationError(fieldErrorsOf(parsed.error));
  return parsed.data;
}

/** The permission every review change checks first, and how a refusal names it. */
export const MANAGE_REVIEWS = ["review:manage", "prepare or run weekly reviews"] as const;

async function lastChangeBy(tx: Transaction, reviewId: string): Promise<string> {
  const event = await tx.auditEvent.findFirst({
    where: { entityType: "Review", entityId: reviewId },
    orderBy: { occurredAt: "desc" },
    select: { actorLabel: true },
  });
  return event ? ` by ${event.actorLabel}` : "";
}

type Proposal = { meetingDate: string; wheelSlug: string | null; items: ProposedItem[] };

/** The proposal to store with a first edit; read before the transaction, which only writes. */
async function proposalToStore(db: Database, week: string, now: Date): Promise<Proposal | null> {
  if (await db.review.findUnique({ where: { isoWeek: week }, select: { id: true } })) return null;
  const [settings, facts] = await Promise.all([getOrganisationSettings(db), gatherAgendaFacts(db, week, now)]);
  return { meetingDate: meetingDateOf(week, settings.meetingWeekday), wheelSlug: facts.wheel.service?.slug ?? null, items: buildProposedAgenda(facts) };
}

/** Stores the proposal as the week's agenda unless someone stored one first (then theirs stands). */
async function storeProposal(tx: Transaction, week: string, proposal: Proposal, actor: Actor) {
  const inserted = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO reviews (id, iso_week, meeting_date, wheel_service_id, updated_at)
    VALUES (gen_random_uuid(), ${week}, ${proposal.meetingDate}::date, (SELECT id FROM services WHERE slug = ${proposal.wheelSlug}), now())
    ON CONFLICT (iso_week) DO NOTHING
    RETURNING id`;
  const reviewId = inserted[0]?.id;
  if (!reviewId) return;
  await tx.agendaItem.createMany({
    data: proposal.items.map((item, position) => ({ reviewId, kind: item.kind, title: item.title, position, minutes: item.minutes, proposalKey: item.key })),
  });
  await tx.auditEvent.create({
    data: auditEventData(actor, {
      action: "review.store",
      entityType: "Review",
      entityId: reviewId,
      changes: { week, items: proposal.items.map((p) => p.key) },
    }),
  });
}

/**
 * Runs a change of the week's review in one transaction: stores the app's proposal first if
 * this is the first edit, locks the review and checks the version the change was based on
 * (0 = the page showed only the proposal; null = a change to one item, checked there). A
 * refused change rolls it all back: the proposal is not stored either.
 */
export async function changeReview<T>(
  db: Database,
  actor: Actor,
  week: string,
  expectedVersion: number | null,
  work: (tx: Transaction, review: StoredReview) => Promise<T>,
  now = new Date(),
): Promise<T> {
  assertMay(actor, ...MANAGE_REVIEWS);
  const proposal = await proposalToStore(db, week, now);
  return db.$transaction(async (tx) => {
    if (proposal) await storeProposal(tx, week, proposal, actor);
    return work(tx, await lockReview(tx, week, expectedVersion));
  });
}

/**
 * Locks the week's review for a change and checks the version the change was based on
 * (0 = the page showed only the proposal; null = the change is to one item, checked there).
 */
async function lockReview(tx: Transaction, week: string, expectedVersion: number | null): Promise<StoredReview> {
  const locked = await tx.$queryRaw<{ id: string; version: number }[]>`SELECT id, version FROM reviews WHERE iso_week = ${week} FOR UPDATE`;
  const row = locked[0];
  if (!row) throw new ConflictError(`The review of ${week} is not stored yet; reload and try again.`);
  const seenOnlyProposal = expectedVersion === 0 && row.version === 1;
  if (expectedVersion !== null && expectedVersion !== row.version && !seenOnlyProposal) {
    throw new ConflictError(
      `The agenda of ${week} was changed${await lastChangeBy(tx, row.id)} since you loaded it; reload to see the change, then try again.`,
    );
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
export async function commitReviewChange(
  tx: Transaction,
  review: StoredReview,
  actor: Actor,
  action: string,
  changes: unknown,
  data: Prisma.ReviewUpdateInput = {},
) {
  assertMay(actor, ...MANAGE_REVIEWS);
  const updated = await tx.review.update({ where: { id: review.id }, data: { ...data, version: { increment: 1 } }, select: { version: true } });
  await tx.auditEvent.create({ data: auditEventData(actor, { action, entityType: "Review", entityId: review.id, changes }) });
  return { version: updated.version };
}
