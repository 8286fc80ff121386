// The weekly and period figures computed from every incident of the window, without the week
// cells: the definition the cells are tested against, and the statements the benchmark explains.
import type { Database } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { resolveMetricsScope, scopeCondition } from "./scope";
import {
  aiShareOf,
  availabilityOf,
  coveredMinutes,
  durationStats,
  elapsedMinutes,
  impactCandidates,
  impactInterval,
  incidentCountsOf,
  incidentFigures,
  metricsWindow,
  weeksTable,
  windowEnd,
  windowStart,
  type IncidentFiguresRow,
  type MetricsWindow,
} from "./sql";
import type { MetricsQuery, PeriodSummary, WeekMetrics } from "./types";

const { sql } = Prisma;

type WeekRow = Partial<IncidentFiguresRow> & { week: string; start: string; minutes: number; impact_minutes: number };

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

type PeriodRow = IncidentFiguresRow & { from: string; to: string; weeks: number; minutes: number; impact_minutes: number };

/** The same figures computed from every incident of the period: the definition the cells are tested against. */
export async function queryPeriodSummaryFromScratch(db: Database, q: MetricsQuery): Promise<PeriodSummary> {
  const scope = await resolveMetricsScope(db, q.scope);
  const [row] = await db.$queryRaw<PeriodRow[]>(periodSummarySql(metricsWindow(q), scopeCondition(scope)));
  if (!row) throw new Error("The period summary query returned no row");
  return {
    from: row.from,
    to: row.to,
    weeks: row.weeks,
    ...incidentCountsOf(row),
    aiShare: aiShareOf(row.ai_involved, row.incidents),
    impactMinutes: row.impact_minutes,
    availability: availabilityOf(row.impact_minutes, row.minutes),
    minutes: row.minutes,
    ttd: durationStats(row.ttd),
    ttm: durationStats(row.ttm),
    ttr: durationStats(row.ttr),
  };
}

/** The query behind queryPeriodSummary (exported for the benchmark's EXPLAIN). */
export function periodSummarySql(window: MetricsWindow, scope: Prisma.Sql): Prisma.Sql {
  const period = sql`tstzrange(${windowStart(window)}, ${windowEnd(window)})`;
  return sql`
    SELECT ${window.fromMonday}::text AS "from", to_char(${window.toMonday}::date + 6, 'YYYY-MM-DD') AS "to",
      ((${window.toMonday}::date - ${window.fromMonday}::date) / 7 + 1)::int AS weeks,
      ${elapsedMinutes(windowStart(window), windowEnd(window), window.now)} AS minutes,
      ${coveredMinutes(sql`(SELECT range_agg(${impactInterval(window.now)}) * tstzmultirange(${period}) FROM (${impactCandidates(window, scope)}) AS i)`)} AS impact_minutes,
      f.*
    FROM (
      SELECT ${incidentFigures} FROM incidents i
      WHERE i.started_at >= ${windowStart(window)} AND i.started_at < ${windowEnd(window)} AND ${scope}
    ) AS f`;
}
