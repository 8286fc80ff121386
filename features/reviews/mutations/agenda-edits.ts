import type { Actor } from "@/lib/auth/actor";
import { assertMay } from "@/lib/auth/assert-may";
import type { Database } from "@/lib/db/client";
import { ConflictError, ValidationError } from "@/lib/errors";
import { buildProposedAgenda } from "../agenda";
import { gatherAgendaFacts } from "../reads/agenda-facts";
import { addCustomItemSchema, addSuggestedItemSchema, removeAgendaItemSchema, reorderAgendaSchema } from "../schemas";
import type { StoredReview } from "../view";
import { MANAGE_REVIEWS, assertNotFrozen, changeReview, commitReviewChange, findItem, parseReviewInput, type Transaction } from "./review-change";

export type ReviewChangeResult = { version: number };

async function renumber(tx: Transaction, orderedIds: string[]) {
  for (const [index, id] of orderedIds.entries()) await tx.agendaItem.update({ where: { id }, data: { position: index } });
}

async function editAgenda(
  db: Database,
  actor: Actor,
  input: { week: string; version: number },
  edit: (tx: Transaction, review: StoredReview) => Promise<{ action: string; changes: unknown }>,
): Promise<ReviewChangeResult> {
  return changeReview(db, actor, input.week, input.version, async (tx, review) => {
    assertNotFrozen(review);
    const { action, changes } = await edit(tx, review);
    return commitReviewChange(tx, review, actor, action, changes);
  });
}

/** Puts the agenda in the given order; the list must name every item once. */
export async function reorderAgenda(db: Database, rawInput: unknown, actor: Actor): Promise<ReviewChangeResult> {
  assertMay(actor, ...MANAGE_REVIEWS);
  const input = parseReviewInput(reorderAgendaSchema, rawInput);
  return editAgenda(db, actor, input, async (tx, review) => {
    const ids = input.handles.map((handle) => findItem(review, handle).id);
    if (new Set(ids).size !== ids.length || ids.length !== review.items.length) {
      throw new ConflictError("The order sent does not match the agenda's items (someone may have added or removed one); reload and try again.");
    }
    await renumber(tx, ids);
    return { action: "review.reorder", changes: { order: ids } };
  });
}

/** Adds an item of the LEAD's own at the end of the agenda. */
export async function addCustomItem(db: Database, rawInput: unknown, actor: Actor): Promise<ReviewChangeResult> {
  assertMay(actor, ...MANAGE_REVIEWS);
  const input = parseReviewInput(addCustomItemSchema, rawInput);
  return editAgenda(db, actor, input, async (tx, review) => {
    if (input.presenterId && !(await tx.user.findFirst({ where: { id: input.presenterId, active: true }, select: { id: true } }))) {
      throw new ValidationError({ presenterId: ["is not an active user; pick someone from the list"] });
    }
    const position = Math.max(-1, ...review.items.map((i) => i.position)) + 1;
    const item = await tx.agendaItem.create({
      data: { reviewId: review.id, kind: "CUSTOM", title: input.title, minutes: input.minutes, presenterId: input.presenterId ?? null, position },
    });
    return { action: "review.addItem", changes: { added: { id: item.id, title: item.title, minutes: item.minutes } } };
  });
}

/** Takes an item off the agenda; a proposed item stays available as a suggestion. */
export async function removeAgendaItem(db: Database, rawInput: unknown, actor: Actor): Promise<ReviewChangeResult> {
  assertMay(actor, ...MANAGE_REVIEWS);
  const input = parseReviewInput(removeAgendaItemSchema, rawInput);
  return editAgenda(db, actor, input, async (tx, review) => {
    const item = findItem(review, input.handle);
    await tx.agendaItem.delete({ where: { id: item.id } });
    await renumber(
      tx,
      review.items
        .filter((i) => i.id !== item.id)
        .sort((a, b) => a.position - b.position)
        .map((i) => i.id),
    );
    return {
      action: "review.removeItem",
      changes: { removed: { id: item.id, kind: item.kind, title: item.title, notes: item.notes, decision: item.decision } },
    };
  });
}

/** Puts a proposed item the agenda lacks back on it, where the proposal would have it. */
export async function addSuggestedItem(db: Database, rawInput: unknown, actor: Actor, now = new Date()): Promise<ReviewChangeResult> {
  assertMay(actor, ...MANAGE_REVIEWS);
  const input = parseReviewInput(addSuggestedItemSchema, rawInput);
  const proposed = buildProposedAgenda(await gatherAgendaFacts(db, input.week, now));
  const index = proposed.findIndex((p) => p.key === input.key);
  const suggestion = proposed[index];
  if (!suggestion) throw new ConflictError("That item is no longer proposed for this week; reload to see the current proposal.");
  const laterKeys = new Set(proposed.slice(index + 1).map((p) => p.key));
  return editAgenda(db, actor, input, async (tx, review) => {
    if (review.items.some((i) => i.proposalKey === suggestion.key)) throw new ConflictError("That item is already on the agenda; reload to see it.");
    const ordered = [...review.items].sort((a, b) => a.position - b.position);
    const before = ordered.findIndex((i) => i.proposalKey !== null && laterKeys.has(i.proposalKey));
    const at = before === -1 ? ordered.length : before;
    const item = await tx.agendaItem.create({
      data: {
        reviewId: review.id,
        kind: suggestion.kind,
        title: suggestion.title,
        minutes: suggestion.minutes,
        proposalKey: suggestion.key,
        position: 1000 + ordered.length,
      },
    });
    await renumber(tx, [...ordered.slice(0, at).map((i) => i.id), item.id, ...ordered.slice(at).map((i) => i.id)]);
    return { action: "review.addItem", changes: { added: { id: item.id, key: suggestion.key, title: suggestion.title } } };
  });
}
