import type { Database } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { UNFINISHED_STATUSES, type ActionItemStatus } from "@/lib/domain/action-item-enums";
import { dateColumn, dateOf, isOverdue } from "./overdue";

const actionItemDetails = {
  incident: { select: { id: true, reference: true, title: true } },
  review: { select: { isoWeek: true } },
  owner: { select: { id: true, name: true, email: true } },
} satisfies Prisma.ActionItemInclude;

type ActionItemRow = Prisma.ActionItemGetPayload<{ include: typeof actionItemDetails }>;

/** What leaves the server for an action item. */
export function toActionItemView(row: ActionItemRow, today: string) {
  const dueDate = dateOf(row.dueDate);
  return {
    id: row.id,
    title: row.title,
    /** Null for a follow-up agreed in a review meeting about no one incident. */
    incident: row.incident,
    /** The week whose review meeting agreed it, if one did. */
    agreedInWeek: row.review?.isoWeek ?? null,
    owner: row.owner,
    dueDate,
    priority: row.priority,
    type: row.type,
    status: row.status,
    completedAt: row.completedAt?.toISOString() ?? null,
    version: row.version,
    overdue: isOverdue({ dueDate, status: row.status }, today),
  };
}

export type ActionItemView = ReturnType<typeof toActionItemView>;

export type ActionItemFilter = { status?: ActionItemStatus; ownerId?: string; incidentId?: string };

export const DEFAULT_LIMIT = 100;

/**
 * Action items, overdue first (oldest due date first), then the other unfinished ones by due
 * date, then the finished ones, most recently due first. Each group is its own indexed query,
 * so "overdue first" needs no sorting expression the indexes cannot serve.
 */
export async function listActionItems(db: Database, filter: ActionItemFilter, today: string, limit = DEFAULT_LIMIT) {
  const where: Prisma.ActionItemWhereInput = {
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.ownerId ? { ownerId: filter.ownerId } : {}),
    ...(filter.incidentId ? { incidentId: filter.incidentId } : {}),
  };
  const unfinished = { status: { in: [...UNFINISHED_STATUSES] } };
  const groups: { where: Prisma.ActionItemWhereInput; orderBy: Prisma.ActionItemOrderByWithRelationInput[] }[] = [
    { where: { ...unfinished, dueDate: { lt: dateColumn(today) } }, orderBy: [{ dueDate: "asc" }, { createdAt: "asc" }] },
    { where: { ...unfinished, dueDate: { gte: dateColumn(today) } }, orderBy: [{ dueDate: "asc" }, { createdAt: "asc" }] },
    { where: { status: { notIn: [...UNFINISHED_STATUSES] } }, orderBy: [{ dueDate: "desc" }, { createdAt: "desc" }] },
  ];
  const rows: ActionItemRow[] = [];
  for (const group of groups) {
    if (rows.length >= limit) break;
    rows.push(
      ...(await db.actionItem.findMany({
        where: { AND: [where, group.where] },
        orderBy: group.orderBy,
        take: limit - rows.length,
        include: actionItemDetails,
      })),
    );
  }
  const [total, overdue] = await Promise.all([db.actionItem.count({ where }), db.actionItem.count({ where: { AND: [where, groups[0]!.where] } })]);
  return { items: rows.map((row) => toActionItemView(row, today)), total, overdue };
}

/** People who can be given an action item (every active user); for filtering, also past owners who left. */
export async function listOwnerOptions(db: Database, options: { withPastOwners?: boolean } = {}) {
  const where: Prisma.UserWhereInput = options.withPastOwners ? { OR: [{ active: true }, { actionItems: { some: {} } }] } : { active: true };
  const users = await db.user.findMany({ where, select: { id: true, name: true, email: true }, orderBy: [{ name: "asc" }, { email: "asc" }] });
  return users.map((u) => ({ id: u.id, label: u.name ? `${u.name} (${u.email})` : u.email }));
}

export type OwnerOption = Awaited<ReturnType<typeof listOwnerOptions>>[number];
