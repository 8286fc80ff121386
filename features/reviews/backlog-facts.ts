import type { Database } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { addDays, zonedDateString } from "@/lib/time/iso-week";
import { wallTimeToInstant } from "@/lib/time/zoned";
import { POSTMORTEM_DUE_DAYS } from "./agenda";
import type { AgendaActionItem, PendingPostmortem } from "./types";

/** What an agenda reads of an action item: its owner's name and its incident's reference. */
export const actionItemWithOwnerAndIncident = { owner: { select: { name: true, email: true } }, incident: { select: { reference: true } } } as const;

type ActionItemRow = Prisma.ActionItemGetPayload<{ include: typeof actionItemWithOwnerAndIncident }>;

export const toAgendaActionItem = (row: ActionItemRow): AgendaActionItem => ({
  id: row.id,
  title: row.title,
  owner: row.owner.name ?? row.owner.email,
  dueDate: row.dueDate.toISOString().slice(0, 10),
  status: row.status,
  priority: row.priority,
  incidentReference: row.incident.reference,
});

/** Unfinished action items due before the judgement date, the most overdue first. */
export async function overdueActionItemFacts(db: Database, judgedOn: string): Promise<AgendaActionItem[]> {
  const rows = await db.actionItem.findMany({
    where: { status: { in: ["OPEN", "IN_PROGRESS"] }, dueDate: { lt: new Date(`${judgedOn}T00:00:00Z`) } },
    orderBy: [{ dueDate: "asc" }, { priority: "asc" }, { id: "asc" }],
    include: actionItemWithOwnerAndIncident,
  });
  return rows.map(toAgendaActionItem);
}

type PendingRow = { reference: string; title: string; started_at: Date; state: "DRAFT" | "IN_REVIEW" | null };

/**
 * SEV1s that started before the week and, at the judgement date, are 14 days past their
 * start without a published postmortem, the oldest first. One join in SQL: Prisma's relation
 * filter for "no postmortem or not published" was several times slower at 100 000 incidents.
 */
export async function pendingPostmortemFacts(db: Database, weekStart: Date, judgedOn: string, timeZone: string): Promise<PendingPostmortem[]> {
  // Started on or before judgedOn − 14 days, in the organisation's zone.
  const dueBy = wallTimeToInstant(`${addDays(judgedOn, 1 - POSTMORTEM_DUE_DAYS)}T00:00`, timeZone) ?? weekStart;
  const cutoff = dueBy < weekStart ? dueBy : weekStart;
  const rows = await db.$queryRaw<PendingRow[]>(Prisma.sql`
    SELECT i.reference, i.title, i.started_at, p.state::text AS state
    FROM incidents i LEFT JOIN postmortems p ON p.incident_id = i.id
    WHERE i.severity = 'SEV1' AND i.started_at < ${cutoff} AND (p.state IS NULL OR p.state <> 'PUBLISHED')
    ORDER BY i.started_at, i.reference`);
  return rows.map((row) => ({
    reference: row.reference,
    title: row.title,
    startedAt: row.started_at.toISOString(),
    startedOn: zonedDateString(row.started_at, timeZone),
    postmortemState: row.state,
  }));
}
