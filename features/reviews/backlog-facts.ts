import type { Database } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { zonedDateString } from "@/lib/time/iso-week";
import { wallTimeToInstant } from "@/lib/time/zoned";
import { AGENDA_LIST_LIMIT, POSTMORTEM_DUE_DAYS } from "./agenda";
import type { AgendaActionItem, PendingPostmortem } from "./types";

const DAY_MS = 86_400_000;
const daysBefore = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) - days * DAY_MS).toISOString().slice(0, 10);

/** Unfinished action items due before the judgement date, the most overdue first, at most AGENDA_LIST_LIMIT. */
export async function overdueActionItemFacts(db: Database, judgedOn: string): Promise<{ items: AgendaActionItem[]; beyond: number }> {
  const where = { status: { in: ["OPEN" as const, "IN_PROGRESS" as const] }, dueDate: { lt: new Date(`${judgedOn}T00:00:00Z`) } };
  const [rows, total] = await Promise.all([
    db.actionItem.findMany({
      where,
      orderBy: [{ dueDate: "asc" }, { priority: "asc" }, { id: "asc" }],
      take: AGENDA_LIST_LIMIT,
      include: { owner: { select: { name: true, email: true } }, incident: { select: { reference: true } } },
    }),
    db.actionItem.count({ where }),
  ]);
  const items = rows.map((item) => ({
    id: item.id,
    title: item.title,
    owner: item.owner.name ?? item.owner.email,
    dueDate: item.dueDate.toISOString().slice(0, 10),
    status: item.status,
    priority: item.priority,
    incidentReference: item.incident.reference,
  }));
  return { items, beyond: total - items.length };
}

type PendingRow = { reference: string; title: string; started_at: Date; state: "DRAFT" | "IN_REVIEW" | null; total: bigint };

/**
 * SEV1s that started before the week and, at the judgement date, are 14 days past their
 * start without a published postmortem: the oldest first, at most AGENDA_LIST_LIMIT.
 */
export async function pendingPostmortemFacts(
  db: Database, weekStart: Date, judgedOn: string, timeZone: string,
): Promise<{ postmortems: PendingPostmortem[]; beyond: number }> {
  // Started on or before judgedOn − 14 days, in the organisation's zone.
  const dueBy = wallTimeToInstant(`${daysBefore(judgedOn, POSTMORTEM_DUE_DAYS - 1)}T00:00`, timeZone) ?? weekStart;
  const cutoff = dueBy < weekStart ? dueBy : weekStart;
  const rows = await db.$queryRaw<PendingRow[]>(Prisma.sql`
    SELECT i.reference, i.title, i.started_at, p.state::text AS state, count(*) OVER () AS total
    FROM incidents i LEFT JOIN postmortems p ON p.incident_id = i.id
    WHERE i.severity = 'SEV1' AND i.started_at < ${cutoff} AND (p.state IS NULL OR p.state <> 'PUBLISHED')
    ORDER BY i.started_at, i.reference
    LIMIT ${AGENDA_LIST_LIMIT}`);
  const postmortems = rows.map((row) => ({
    reference: row.reference,
    title: row.title,
    startedAt: row.started_at.toISOString(),
    startedOn: zonedDateString(row.started_at, timeZone),
    postmortemState: row.state,
  }));
  return { postmortems, beyond: Number(rows[0]?.total ?? 0) - postmortems.length };
}
