import { auditEventData } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { assertMay } from "@/lib/auth/assert-may";
import type { Database } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import { fieldErrorsOf } from "@/lib/validation";
import type { z } from "zod";
import { actionItemLabel } from "@/lib/domain/action-item-enums";
import { dateColumn, dateOf } from "./overdue";
import { changeActionItemStatusSchema, createActionItemSchema, type ActionItemFields } from "./schemas";

function parse<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new ValidationError(fieldErrorsOf(parsed.error));
  return parsed.data;
}

// The pages and actions check this too; repeated here so the API and the CLI cannot skip it.
const EDIT_ACTION_ITEMS = ["actionItem:edit", "change action items"] as const;

export type ActionItemChangeResult = { id: string; incidentId: string | null; status: string; version: number; changed: boolean };

/** Where a new action item belongs: its incident, and the review meeting (and agenda item) that agreed it. */
export type ActionItemOrigin = { incident: { id: string; reference: string } | null; reviewId?: string; agendaItemId?: string };

/**
 * Writes a new action item, owned by an active user, with its audit event, inside the caller's
 * transaction. `origin.reviewId` is set only by the weekly review's own path, never from a form or the API.
 */
export async function insertActionItem(
  tx: Prisma.TransactionClient,
  fields: ActionItemFields,
  origin: ActionItemOrigin,
  actor: Actor,
): Promise<ActionItemChangeResult> {
  assertMay(actor, ...EDIT_ACTION_ITEMS);
  const owner = await tx.user.findFirst({ where: { id: fields.ownerId, active: true }, select: { id: true, email: true } });
  if (!owner) throw new ValidationError({ ownerId: ["is not an active user; pick someone from the list"] });
  const item = await tx.actionItem.create({
    data: {
      incidentId: origin.incident?.id ?? null,
      reviewId: origin.reviewId ?? null,
      agendaItemId: origin.agendaItemId ?? null,
      title: fields.title,
      ownerId: owner.id,
      dueDate: dateColumn(fields.dueDate),
      priority: fields.priority,
      type: fields.type,
    },
  });
  const created = {
    incident: origin.incident?.reference ?? null,
    title: item.title,
    owner: owner.email,
    dueDate: dateOf(item.dueDate),
    priority: item.priority,
    type: item.type,
    reviewId: item.reviewId,
  };
  await tx.auditEvent.create({
    data: auditEventData(actor, { action: "actionItem.create", entityType: "ActionItem", entityId: item.id, changes: { created } }),
  });
  return { id: item.id, incidentId: item.incidentId, status: item.status, version: item.version, changed: true };
}

/** Creates an action item of an incident, from the postmortem editor or the API. */
export async function createActionItem(db: Database, rawInput: unknown, actor: Actor): Promise<ActionItemChangeResult> {
  assertMay(actor, ...EDIT_ACTION_ITEMS);
  const input = parse(createActionItemSchema, rawInput);
  return db.$transaction(async (tx) => {
    const incident = await tx.incident.findUnique({ where: { id: input.incidentId }, select: { id: true, reference: true } });
    if (!incident) throw new NotFoundError(`No incident with id ${input.incidentId}.`);
    return insertActionItem(tx, input, { incident }, actor);
  });
}

/**
 * Moves an action item to another status. The edit names the version it was based on and is
 * refused when the item changed since; completedAt is set on DONE and cleared when reopened.
 */
export async function changeActionItemStatus(db: Database, rawInput: unknown, actor: Actor, now = new Date()): Promise<ActionItemChangeResult> {
  assertMay(actor, ...EDIT_ACTION_ITEMS);
  const input = parse(changeActionItemStatusSchema, rawInput);
  return db.$transaction(async (tx) => {
    const item = await tx.actionItem.findUnique({ where: { id: input.actionItemId } });
    if (!item) throw new NotFoundError("This action item no longer exists.");
    const staleMessage = (status: string) =>
      `“${item.title}” was changed by someone else since you loaded it (it is now ${actionItemLabel(status)}); reload and try again.`;
    if (item.version !== input.version) throw new ConflictError(staleMessage(item.status));
    if (item.status === input.status) return { id: item.id, incidentId: item.incidentId, status: item.status, version: item.version, changed: false };

    const completedAt = input.status === "DONE" ? now : null;
    // The version in the WHERE clause makes a concurrent change of the same version lose here.
    const { count } = await tx.actionItem.updateMany({
      where: { id: item.id, version: input.version },
      data: { status: input.status, completedAt, version: { increment: 1 } },
    });
    if (count === 0) throw new ConflictError(staleMessage((await tx.actionItem.findUnique({ where: { id: item.id } }))?.status ?? item.status));
    await tx.auditEvent.create({
      data: auditEventData(actor, {
        action: "actionItem.update",
        entityType: "ActionItem",
        entityId: item.id,
        changes: {
          status: { from: item.status, to: input.status },
          completedAt: { from: item.completedAt?.toISOString() ?? null, to: completedAt?.toISOString() ?? null },
        },
      }),
    });
    return { id: item.id, incidentId: item.incidentId, status: input.status, version: input.version + 1, changed: true };
  });
}
