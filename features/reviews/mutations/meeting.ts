import type { Actor } from "@/lib/auth/actor";
import { assertMay } from "@/lib/auth/assert-may";
import type { Database } from "@/lib/db/client";
import { RuleViolationError } from "@/lib/errors";
import { recordEvent } from "@/lib/jobs/events";
import type { Prisma } from "@/lib/generated/prisma/client";
import { buildProposedAgenda } from "../agenda";
import { gatherAgendaFacts } from "../reads/agenda-facts";
import { getOrganisationSettings } from "@/lib/organisation-settings";
import { earlyStartWarning, weekHasEnded } from "../schedule";
import { goToItemSchema, reviewStepSchema, startMeetingSchema } from "../schemas";
import { subjectsOf } from "../subjects";
import type { AgendaItemDetail, ReviewStatus } from "../agenda-types";
import type { ReviewSnapshot, StoredReview } from "../view";
import { MANAGE_REVIEWS, changeReview, commitReviewChange, findItem, parseReviewInput, type Transaction } from "./review-change";

const STEP_ALLOWED_FROM: Record<string, ReviewStatus[]> = {
  prepare: ["NOT_PREPARED", "PREPARED"],
  start: ["NOT_PREPARED", "PREPARED"],
  move: ["IN_PROGRESS"],
  finish: ["IN_PROGRESS"],
};

const STEP_REFUSAL: Record<string, string> = {
  prepare: "only an agenda that is not yet in the meeting can be marked prepared",
  start: "the meeting has already started",
  move: "the meeting is not running",
  finish: "the meeting is not running",
};

function assertStep(review: StoredReview, step: keyof typeof STEP_ALLOWED_FROM) {
  if (!STEP_ALLOWED_FROM[step]?.includes(review.status)) throw new RuleViolationError({ status: [`${STEP_REFUSAL[step]} (it is ${review.status})`] });
}

async function step<T>(db: Database, actor: Actor, rawInput: unknown, work: (tx: Transaction, review: StoredReview) => Promise<T>): Promise<T> {
  assertMay(actor, ...MANAGE_REVIEWS);
  const input = parseReviewInput(reviewStepSchema, rawInput);
  return changeReview(db, actor, input.week, input.version, work);
}

export async function markReviewPrepared(db: Database, rawInput: unknown, actor: Actor, now = new Date()) {
  assertMay(actor, ...MANAGE_REVIEWS);
  const { week } = parseReviewInput(reviewStepSchema, rawInput);
  return step(db, actor, rawInput, async (tx, review) => {
    assertStep(review, "prepare");
    await recordEvent(tx, { type: "review.prepared", subject: { reviewId: review.id, week }, dedupeKey: `review.prepared:${week}`, occurredAt: now });
    return commitReviewChange(tx, review, actor, "review.prepare", { status: [review.status, "PREPARED"] }, { status: "PREPARED", preparedAt: now });
  });
}

/**
 * The versions of the incidents the agenda shows (a pending postmortem's incident is about
 * its postmortem, not its facts, so it is left out): a later edit to any of them is flagged.
 */
async function versionsOfShownIncidents(tx: Transaction, details: (AgendaItemDetail | null)[]): Promise<Record<string, number>> {
  const references = new Set(details.filter((d) => d?.kind !== "POSTMORTEMS_PENDING").flatMap((d) => subjectsOf(d).incidentReferences));
  const rows = await tx.incident.findMany({ where: { reference: { in: [...references] } }, select: { reference: true, version: true } });
  return Object.fromEntries(rows.map((row) => [row.reference, row.version]));
}

/**
 * Starts the meeting: the agenda and every figure on it are frozen as they stand now. Before
 * the week has ended that freezes partial figures, so it must be asked for explicitly.
 */
export async function startReviewMeeting(db: Database, rawInput: unknown, actor: Actor, now = new Date()) {
  assertMay(actor, ...MANAGE_REVIEWS);
  const { week, startBeforeWeekEnds } = parseReviewInput(startMeetingSchema, rawInput);
  const { timeZone } = await getOrganisationSettings(db);
  if (!startBeforeWeekEnds && !weekHasEnded(week, timeZone, now)) {
    throw new RuleViolationError({ startBeforeWeekEnds: [`${earlyStartWarning(week)} Confirm to start anyway`] });
  }
  const facts = await gatherAgendaFacts(db, week, now);
  const proposedByKey = new Map(buildProposedAgenda(facts).map((p) => [p.key, p]));
  return step(db, actor, rawInput, async (tx, review) => {
    assertStep(review, "start");
    const items = [...review.items].sort((a, b) => a.position - b.position);
    const first = items[0];
    if (!first) throw new RuleViolationError({ agenda: ["the agenda is empty; add an item before starting the meeting"] });
    const snapshot: ReviewSnapshot = {
      frozenAt: now.toISOString(),
      judgedOn: facts.judgedOn,
      details: Object.fromEntries(
        items.map((item) => [item.id, item.kind === "CUSTOM" ? { kind: "CUSTOM" } : (proposedByKey.get(item.proposalKey ?? "")?.detail ?? null)]),
      ),
      incidentVersions: await versionsOfShownIncidents(
        tx,
        items.map((item) => proposedByKey.get(item.proposalKey ?? "")?.detail ?? null),
      ),
    };
    for (const item of items) {
      const live = item.proposalKey ? proposedByKey.get(item.proposalKey) : undefined;
      if (live && live.title !== item.title) await tx.agendaItem.update({ where: { id: item.id }, data: { title: live.title } });
    }
    await tx.agendaItem.update({ where: { id: first.id }, data: { startedAt: now, finishedAt: null } });
    const wheelService = facts.wheel.service ? await tx.service.findUnique({ where: { slug: facts.wheel.service.slug }, select: { id: true } }) : null;
    return commitReviewChange(
      tx,
      review,
      actor,
      "review.start",
      { status: [review.status, "IN_PROGRESS"], frozenAt: snapshot.frozenAt },
      {
        status: "IN_PROGRESS",
        startedAt: now,
        currentItemId: first.id,
        snapshot: snapshot as unknown as Prisma.InputJsonValue,
        wheelService: wheelService ? { connect: { id: wheelService.id } } : { disconnect: true },
      },
    );
  });
}

/** Moves the meeting to another item; each item's timer counts all the time spent on it. */
export async function goToAgendaItem(db: Database, rawInput: unknown, actor: Actor, now = new Date()) {
  assertMay(actor, ...MANAGE_REVIEWS);
  const { handle } = parseReviewInput(goToItemSchema, rawInput);
  return step(db, actor, rawInput, async (tx, review) => {
    assertStep(review, "move");
    const target = findItem(review, handle);
    if (review.currentItemId && review.currentItemId !== target.id) {
      await tx.agendaItem.update({ where: { id: review.currentItemId }, data: { finishedAt: now } });
    }
    // Back on an item already discussed: its clock resumes where it stopped.
    const spentMs = target.startedAt && target.finishedAt ? target.finishedAt.getTime() - target.startedAt.getTime() : 0;
    await tx.agendaItem.update({ where: { id: target.id }, data: { startedAt: new Date(now.getTime() - spentMs), finishedAt: null } });
    return commitReviewChange(tx, review, actor, "review.goTo", { from: review.currentItemId, to: target.id }, { currentItemId: target.id });
  });
}

export async function finishReviewMeeting(db: Database, rawInput: unknown, actor: Actor, now = new Date()) {
  assertMay(actor, ...MANAGE_REVIEWS);
  const { week } = parseReviewInput(reviewStepSchema, rawInput);
  return step(db, actor, rawInput, async (tx, review) => {
    assertStep(review, "finish");
    // The week's digest goes out once: now, or at the weekly digest time if no meeting finished.
    await recordEvent(tx, { type: "review.digest", subject: { reviewId: review.id, week }, dedupeKey: `review.digest:${week}`, occurredAt: now });
    if (review.currentItemId) await tx.agendaItem.update({ where: { id: review.currentItemId }, data: { finishedAt: now } });
    return commitReviewChange(
      tx,
      review,
      actor,
      "review.finish",
      { status: [review.status, "DONE"] },
      { status: "DONE", finishedAt: now, currentItemId: null },
    );
  });
}
