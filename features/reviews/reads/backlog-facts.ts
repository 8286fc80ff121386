import { startedPostmortemStateSql } from "@/lib/domain/postmortem-progress";
import type { Database } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { addDays, zonedDateString } from "@/lib/time/iso-week";
import { wallTimeToInstant } from "@/lib/time/zoned";
import { POSTMORTEM_DUE_DAYS } from "../agenda";
import type { AgendaActionItem, Bounded, PendingPostmortem } from "../agenda-types";

/** What an agenda reads of an action item: its owner's name, its incident's reference and the review that agreed it. */
export const actionItemWithOwnerAndIncident = {
  owner: { select: { name: true, email: true } },
  incident: { select: { reference: true } },
  review: { select: { isoWeek: true } },
} as const;

type ActionItemRow = Prisma.ActionItemGetPayload<{ include: typeof actionItemWithOwnerAndIncident }>;

export const toAgendaActionItem = (row: ActionItemRow): AgendaActionItem => ({
  id: row.id,
  title: row.title,
  owner: row.owner.name ?? row.owner.email,
  dueDate: row.dueDate.toISOString().slice(0, 10),
  status: row.status,
  priority: row.priority,
  incidentReference: row.incident?.reference ?? null,
  agreedInWeek: row.review?.isoWeek ?? null,
});

type OverdueRow = {
  id: string;
  title: string;
  owner: string;
  due_date: Date;
  status: AgendaActionItem["status"];
  priority: string;
  reference: string | null;
  iso_week: string | null;
  total: number;
};

/**
 * The first `limit` action items overdue at the judgement date (most overdue first) and how
 * many there are, in one query; the index on (status, due_date) serves both, reading unfinished items only.
 */
export function overdueActionItemsSql(judgedOn: string, limit: number): Prisma.Sql {
  const due = Prisma.sql`a.status IN ('OPEN', 'IN_PROGRESS') AND a.due_date < ${judgedOn}::date`;
  return Prisma.sql`
    SELECT a.id, a.title, coalesce(u.name, u.email) AS owner, a.due_date, a.status::text, a.priority::text, i.reference, r.iso_week,
           (SELECT count(*)::int FROM action_items a WHERE ${due}) AS total
    FROM (SELECT * FROM action_items a WHERE ${due} ORDER BY a.due_date, a.priority, a.id LIMIT ${limit}) a
    JOIN users u ON u.id = a.owner_id
    LEFT JOIN incidents i ON i.id = a.incident_id
    LEFT JOIN reviews r ON r.id = a.review_id
    ORDER BY a.due_date, a.priority, a.id`;
}

/** Unfinished action items due before the judgement date: the `limit` most overdue, and how many in all. */
export async function overdueActionItemFacts(db: Database, judgedOn: string, limit: number): Promise<Bounded<AgendaActionItem>> {
  const rows = await db.$queryRaw<OverdueRow[]>(overdueActionItemsSql(judgedOn, limit));
  return {
    total: rows[0]?.total ?? 0,
    rows: rows.map((row) => ({
      id: row.id,
      title: row.title,
      owner: row.owner,
      dueDate: row.due_date.toISOString().slice(0, 10),
      status: row.status,
      priority: row.priority,
      incidentReference: row.reference,
      agreedInWeek: row.iso_week,
    })),
  };
}

type PendingRow = { reference: string; title: string; started_at: Date; state: "DRAFT" | "IN_REVIEW" | null; total: number };

/** The latest instant a SEV1 may have started to be pending at the judgement date: before the week, and 14 days past in the organisation's zone. */
export function pendingCutoff(weekStart: Date, judgedOn: string, timeZone: string): Date {
  const dueBy = wallTimeToInstant(`${addDays(judgedOn, 1 - POSTMORTEM_DUE_DAYS)}T00:00`, timeZone) ?? weekStart;
  return dueBy < weekStart ? dueBy : weekStart;
}

/**
 * The oldest `limit` pending postmortems and how many there are, in one query. The count is the
 * SEV1s started before the cutoff less those with a published postmortem: two index reads
 * (incidents by severity and start, postmortems by state) instead of joining every SEV1 of history.
 */
export function pendingPostmortemsSql(cutoff: Date, limit: number): Prisma.Sql {
  return Prisma.sql`
    SELECT i.reference, i.title, i.started_at, ${startedPostmortemStateSql("p")} AS state,
           (SELECT count(*)::int FROM incidents WHERE severity = 'SEV1' AND started_at < ${cutoff}::timestamptz)
         - (SELECT count(*)::int FROM postmortems pp JOIN incidents ii ON ii.id = pp.incident_id
            WHERE pp.state = 'PUBLISHED' AND ii.severity = 'SEV1' AND ii.started_at < ${cutoff}::timestamptz) AS total
    FROM incidents i LEFT JOIN postmortems p ON p.incident_id = i.id
    WHERE i.severity = 'SEV1' AND i.started_at < ${cutoff}::timestamptz AND (p.state IS NULL OR p.state <> 'PUBLISHED')
    ORDER BY i.started_at, i.reference
    LIMIT ${limit}`;
}

/**
 * SEV1s that started before the week and, at the judgement date, are 14 days past their
 * start without a published postmortem: the `limit` oldest, and how many in all.
 */
export async function pendingPostmortemFacts(
  db: Database,
  weekStart: Date,
  judgedOn: string,
  timeZone: string,
  limit: number,
): Promise<Bounded<PendingPostmortem>> {
  const rows = await db.$queryRaw<PendingRow[]>(pendingPostmortemsSql(pendingCutoff(weekStart, judgedOn, timeZone), limit));
  return {
    total: rows[0]?.total ?? 0,
    rows: rows.map((row) => ({
      reference: row.reference,
      title: row.title,
      startedAt: row.started_at.toISOString(),
      startedOn: zonedDateString(row.started_at, timeZone),
      postmortemState: row.state,
    })),
  };
}
