// The query behind the follow-through figures (docs/metrics.md, "Follow-through"), in the weeks
// of features/metrics/sql.ts. Values are bound, never spliced.
import { Prisma } from "@/lib/generated/prisma/client";
import { weeksTable, windowEnd, windowStart, type MetricsWindow } from "@/features/metrics/sql";
import { hasRepeatSql } from "@/features/incidents/repeats/sql";

const { sql } = Prisma;

/** Ages in whole calendar days since creation, by the upper edge of each bucket (the last is open). */
export const AGE_BUCKETS = [
  { age: "0-14", upTo: 14 },
  { age: "15-30", upTo: 30 },
  { age: "31-90", upTo: 90 },
  { age: "over-90", upTo: null },
] as const;
export type AgeBucket = (typeof AGE_BUCKETS)[number]["age"];

export type FollowThroughWeekRow = { week: string; start: string; due: number; done_by_due_date: number; missed: number; repeats: number };
export type OpenRow = { age: AgeBucket; priority: string; items: number };
export type FollowThroughRow = { weeks: FollowThroughWeekRow[]; open: OpenRow[] };

/**
 * The action items `a` a scope covers: those of its incidents (`i`, left-joined); with no team or
 * service (scope TRUE) also those agreed with no incident. A scope's condition on a missing
 * incident is false, so those never reach a team's or a service's figures.
 */
const scopedItems = (scope: Prisma.Sql) => sql`action_items a LEFT JOIN incidents i ON i.id = a.incident_id WHERE ${scope}`;

const ageBucket = (days: Prisma.Sql) =>
  sql`CASE ${Prisma.join(
    AGE_BUCKETS.filter((b) => b.upTo !== null).map((b) => sql`WHEN ${days} <= ${b.upTo}::int THEN ${b.age}::text`),
    " ",
  )} ELSE ${AGE_BUCKETS.at(-1)!.age}::text END`;

/**
 * One row of two lists. Weeks: items due in the week (a due date is a calendar date, so it lies
 * in one ISO week whatever the zone); done by their due date when DONE before the local
 * midnight that ends it; missed when that midnight has passed without; the rest are not due yet.
 * Repeats: incidents started in the week with at least one repeat (hasRepeatSql). Open: OPEN or
 * IN_PROGRESS items now, by calendar days in the zone since creation and by priority.
 */
export function followThroughSql(window: MetricsWindow, scope: Prisma.Sql): Prisma.Sql {
  const { timeZone, now } = window;
  // Done before the local midnight that ends the due date; false (never null) for every other item.
  const onTime = sql`(d.status = 'DONE' AND coalesce(d.completed_at < d.ends, false))`;
  return sql`
    WITH weeks AS MATERIALIZED (${weeksTable(window)}),
    -- One pass over the window's due items; a due date's week is its distance in days from the first Monday.
    due_items AS (
      SELECT ((a.due_date - ${window.fromMonday}::date) / 7 + 1)::int AS n, a.status, a.completed_at,
        ((a.due_date + 1)::timestamp AT TIME ZONE ${timeZone}::text) AS ends
      FROM ${scopedItems(scope)} AND a.due_date >= ${window.fromMonday}::date AND a.due_date < ${window.toMonday}::date + 7
    ),
    due AS (
      SELECT w.n, count(d.ends)::int AS due,
        count(*) FILTER (WHERE ${onTime})::int AS done_by_due_date,
        count(*) FILTER (WHERE NOT ${onTime} AND d.ends <= ${now}::timestamptz)::int AS missed
      FROM weeks w LEFT JOIN due_items d ON d.n = w.n
      GROUP BY w.n
    ),
    -- The window's incidents first, each placed in its week; the repeat rule then runs once per incident.
    repeated AS MATERIALIZED (
      SELECT width_bucket(i.started_at, (SELECT array_agg(starts ORDER BY n) FROM weeks)) AS n
      FROM incidents i
      WHERE i.started_at >= ${windowStart(window)} AND i.started_at < ${windowEnd(window)} AND ${scope} AND ${hasRepeatSql("i")}
    ),
    repeats AS (
      SELECT w.n, count(r.n)::int AS repeats FROM weeks w LEFT JOIN repeated r ON r.n = w.n GROUP BY w.n
    ),
    open AS (
      SELECT ${ageBucket(sql`((${now}::timestamptz AT TIME ZONE ${timeZone}::text)::date - (a.created_at AT TIME ZONE ${timeZone}::text)::date)`)} AS age,
        a.priority::text AS priority, count(*)::int AS items
      FROM ${scopedItems(scope)} AND a.status IN ('OPEN', 'IN_PROGRESS')
      GROUP BY 1, 2
    )
    SELECT
      (SELECT jsonb_agg(jsonb_build_object('week', to_char(w.start_date, 'IYYY-"W"IW'), 'start', to_char(w.start_date, 'YYYY-MM-DD'),
          'due', d.due, 'done_by_due_date', d.done_by_due_date, 'missed', d.missed, 'repeats', r.repeats) ORDER BY w.n)
        FROM weeks w JOIN due d USING (n) JOIN repeats r USING (n)) AS weeks,
      (SELECT coalesce(jsonb_agg(to_jsonb(o)), '[]'::jsonb) FROM open o) AS open`;
}
