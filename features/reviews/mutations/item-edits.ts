import { auditEventData } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { assertMay } from "@/lib/auth/assert-may";
import type { Database } from "@/lib/db/client";
import { ConflictError, ValidationError } from "@/lib/errors";
import { recordItemNotesSchema, updateAgendaItemSchema } from "../schemas";
import type { StoredAgendaItem } from "../view";
import { MANAGE_REVIEWS, assertNotFrozen, changeReview, findItem, parseReviewInput, type Transaction } from "./review-change";

export type AgendaItemChangeResult = { id: string; version: number };

/** An edit of an item based on an old version; carries the item as it is now, to show beside the edit. */
export class AgendaItemConflictError extends ConflictError {
  constructor(
    readonly current: Pick<StoredAgendaItem, "notes" | "decision" | "version" | "minutes"> & { presenterId: string | null },
    title: string,
  ) {
    super(`“${title}” was changed by someone else since you loaded it (it is now at version ${current.version}).`);
  }
}

/** Changes an item's fields if it is still at the version the edit was based on. */
async function updateItemAtVersion(tx: Transaction, item: StoredAgendaItem, expectedVersion: number, data: Record<string, unknown>) {
  const updated = await tx.agendaItem.updateMany({ where: { id: item.id, version: expectedVersion }, data: { ...data, version: { increment: 1 } } });
  if (updated.count === 0) {
    const current = { notes: item.notes, decision: item.decision, version: item.version, minutes: item.minutes, presenterId: item.presenter?.id ?? null };
    throw new AgendaItemConflictError(current, item.title);
  }
  return { id: item.id, version: expectedVersion + 1 };
}

/** Sets an item's presenter and time box (and a custom item's title) while the agenda is being prepared. */
export async function updateAgendaItem(db: Database, rawInput: unknown, actor: Actor): Promise<AgendaItemChangeResult> {
  assertMay(actor, ...MANAGE_REVIEWS);
  const input = parseReviewInput(updateAgendaItemSchema, rawInput);
  return changeReview(db, actor, input.week, null, async (tx, review) => {
    assertNotFrozen(review);
    const item = findItem(review, input.handle);
    if (input.presenterId && !(await tx.user.findFirst({ where: { id: input.presenterId, active: true }, select: { id: true } }))) {
      throw new ValidationError({ presenterId: ["is not an active user; pick someone from the list"] });
    }
    const title = item.kind === "CUSTOM" && input.title ? input.title : item.title;
    const result = await updateItemAtVersion(tx, item, input.itemVersion, { minutes: input.minutes, presenterId: input.presenterId, title });
    await tx.auditEvent.create({
      data: auditEventData(actor, {
        action: "review.updateItem",
        entityType: "AgendaItem",
        entityId: item.id,
        changes: {
          week: input.week,
          minutes: [item.minutes, input.minutes],
          presenterId: [item.presenter?.id ?? null, input.presenterId],
          title: [item.title, title],
        },
      }),
    });
    return result;
  });
}

/** Records the notes and the decision of an item: before, during or after the meeting. */
export async function recordItemNotes(db: Database, rawInput: unknown, actor: Actor): Promise<AgendaItemChangeResult> {
  assertMay(actor, ...MANAGE_REVIEWS);
  const input = parseReviewInput(recordItemNotesSchema, rawInput);
  return changeReview(db, actor, input.week, null, async (tx, review) => {
    const item = findItem(review, input.handle);
    const result = await updateItemAtVersion(tx, item, input.itemVersion, { notes: input.notes, decision: input.decision });
    await tx.auditEvent.create({
      data: auditEventData(actor, {
        action: "review.recordNotes",
        entityType: "AgendaItem",
        entityId: item.id,
        changes: { week: input.week, notes: [item.notes, input.notes], decision: [item.decision, input.decision] },
      }),
    });
    return result;
  });
}
