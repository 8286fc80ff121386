// The week-by-week figures: the trends charts, GET /api/v1/metrics/weekly and the weekly
// review's METRICS item all read them from here.
import type { Database } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { minutesOf, type WindowWeek } from "./cells/cell";
import { windowCells } from "./cells/weeks";
import { resolveMetricsScope, scopeCondition } from "./scope";
import {
  aiShareOf,
  durationStats,
  impactCandidates,
  impactInterval,
  incidentFigures,
  metricsWindow,
  availabilityOf,
  elapsedMinutes,
  weeksTable,
  windowEnd,
  windowStart,
  type IncidentFiguresRow,
  type MetricsWindow,
} from "./sql";
import type { MetricsQuery, WeekMetrics } from "./types";

const { sql } = Prisma;

type WeekRow = Partial<IncidentFiguresRow> & { week: string; start: string; minutes: number; impact_minutes: number };

/**
 * One entry per ISO week from `q.from` to `q.to`, empty weeks included. Counts and durations
 * are over the incidents started in the week; impact merges every impact interval in scope
 * (started in the week or before) and clips the union to the week. Read from the week cells.
 */
export async function queryWeeklyMetrics(db: Database, q: MetricsQuery): Promise<WeekMetrics[]> {
  const { weeks } = await windowCells(db, metricsWindow(q), await resolveMetricsScope(db, q.scope), { histograms: false });
  return weeks.map(weekMetricsOf);
}

function weekMetricsOf({ week, start, minutes, cell }: WindowWeek): WeekMetrics {
  const impactMinutes = minutesOf(cell.impactUs);
  return {
    week,
    start,
    incidents: cell.incidents,
    sev1: cell.sev1,
    sev2: cell.sev2,
    aiInvolved: cell.aiInvolved,
    aiShare: aiShareOf(cell.aiInvolved, cell.incidents),
    policyViolations: cell.policyViolations,
    usersAffected: cell.usersAffected,
    impactMinutes,
    availability: availabilityOf(impactMinutes, minutes),
    minutes,
    ...cell.stats,
  };
}

/** The same figures computed from every incident of the window: the definition the cells are tested against. */
export async function queryWeeklyMetricsFromScratch(db: Database, q: MetricsQuery): Promise<WeekMetrics[]> {
  const scope = await resolveMetricsScope(db, q.scope);
  const rows = await db.$queryRaw<WeekRow[]>(weeklyMetricsSql(metricsWindow(q), scopeCondition(scope)));
  return rows.map(toWeekMetrics);
}

/** The query behind queryWeeklyMetrics (exported for the benchmark's EXPLAIN). */
export function weeklyMetricsSql(window: MetricsWindow, scope: Prisma.Sql): Prisma.Sql {
  return sql`
    WITH weeks AS MATERIALIZED (${weeksTable(window)}),
    impact AS (
      SELECT r FROM unnest((SELECT range_agg(${impactInterval(window.now)}) FROM (${impactCandidates(window, scope)}) AS i)) AS r
    ),
    covered AS (
      SELECT w.n, floor(sum(extract(epoch FROM upper(c)) - extract(epoch FROM lower(c))) / 60)::int AS impact_minutes
      FROM weeks w JOIN impact ON impact.r && tstzrange(w.starts, w.ends), LATERAL (SELECT impact.r * tstzrange(w.starts, w.ends) AS c) AS clipped
      GROUP BY w.n
    ),
    figures AS (
      -- width_bucket finds each start's week by binary search over the week starts
      SELECT width_bucket(i.started_at, (SELECT array_agg(starts ORDER BY n) FROM weeks)) AS n, ${incidentFigures}
      FROM incidents i
      WHERE i.started_at >= ${windowStart(window)} AND i.started_at < ${windowEnd(window)} AND ${scope}
      GROUP BY 1
    )
    SELECT to_char(w.start_date, 'IYYY-"W"IW') AS week, to_char(w.start_date, 'YYYY-MM-DD') AS start,
      ${elapsedMinutes(sql`w.starts`, sql`w.ends`, window.now)} AS minutes, coalesce(c.impact_minutes, 0) AS impact_minutes, f.*
    FROM weeks w LEFT JOIN covered c USING (n) LEFT JOIN figures f USING (n)
    ORDER BY w.n`;
}

function toWeekMetrics(row: WeekRow): WeekMetrics {
  const incidents = row.incidents ?? 0;
  const aiInvolved = row.ai_involved ?? 0;
  return {
    week: row.week,
    start: row.start,
    incidents,
    sev1: row.sev1 ?? 0,
    sev2: row.sev2 ?? 0,
    aiInvolved,
    aiShare: aiShareOf(aiInvolved, incidents),
    policyViolations: row.policy_violations ?? 0,
    usersAffected: row.users_affected ?? 0,
    impactMinutes: row.impact_minutes,
    availability: availabilityOf(row.impact_minutes, row.minutes),
    minutes: row.minutes,
    ttd: durationStats(row.ttd ?? null),
    ttm: durationStats(row.ttm ?? null),
    ttr: durationStats(row.ttr ?? null),
  };
}
