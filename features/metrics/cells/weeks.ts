// Week cells: each scope's figures for each week, the weeks that have ended kept in
// metric_week_cells (migration metric_week_cells), the week still running computed live by
// the same SQL. A closed week is computed once, from scratch, for every scope at once, and
// read back until a write records an invalidation for it (the migration's triggers), so the
// trends read a few rows per week instead of every incident of the window.
//
// A window's figures (the period summary, the AI comparison, the breakdowns) read one period
// cell, its closed weeks summed and kept the same way, plus the live week.
//
// Every figure stays exact. Impact is kept in microseconds per week: the weeks partition a
// window, so their sum is the window's merged impact, rounded down to minutes once. Durations
// are kept as histograms of whole minutes, whose merged percentiles are percentile_cont's.
import type { Database } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { addDays } from "@/lib/time/iso-week";
import { cache } from "react";
import { cellScopeKey, type ResolvedScope, scopeConditionPerIncident } from "../scope";
import { elapsedMinutes, type MetricsWindow, weeksTable, windowEnd, windowStart } from "../sql";
import { type Cell, emptyCell, type WindowCells, type WindowWeek } from "./cell";
import { type CellRow, cellsSql, clip, impactOf, microseconds, toCell, weekFiguresSql, weekPairs, weeksOfDates } from "./compute";

const { sql, join } = Prisma;
type Sql = Prisma.Sql;

/** The stored cell columns, read back in the shape cellsSql returns; the histograms only when asked for. */
const storedColumns = (c: string, histograms: boolean) =>
  Prisma.raw(`${c}.incidents, ${c}.sev1, ${c}.sev2, ${c}.ai_involved, ${c}.ai_sev1, ${c}.policy_violations, ${c}.users_affected::float8 AS users_affected,
    ${c}.impact_us::float8 AS impact_us, ${c}.ai_impact_us::float8 AS ai_impact_us, ${c}.other_impact_us::float8 AS other_impact_us,
    ${c}.ttd_stats, ${c}.ttm_stats, ${c}.ttr_stats, ${c}.root_causes, ${c}.blast_radii
    ${histograms ? `, ${c}.ttd, ${c}.ttd_counts, ${c}.ttm_ai, ${c}.ttm_ai_counts, ${c}.ttm_other, ${c}.ttm_other_counts, ${c}.ttr, ${c}.ttr_counts` : ""}`);

/** The week's count of invalidations, which a current cell's stamp equals. */
export const currentStamp = (weekStart: Sql) => sql`(
  (SELECT count(*) FROM metric_invalidations v WHERE v.week_start = ${weekStart})
  + (SELECT count(*) FROM metric_invalidations v WHERE v.week_start IS NULL))`;

/**
 * A week is kept once it has ended, by `now` and by five minutes of the clock: a write whose
 * transaction is still open when a week ends records that week too (the migration's margin).
 */
const CLOSED_AFTER = sql`interval '5 minutes'`;

type StatusRow = {
  week: string;
  start: string;
  minutes: number;
  period_minutes: number;
  closed: boolean;
  fresh: boolean;
  zone_current: boolean;
  scope: string | null;
} & Partial<CellRow>;

/** The window's weeks, whether each is kept and current, and the cell of `key` where it is. */
export function statusSql(window: MetricsWindow, key: string, histograms: boolean): Sql {
  return sql`
    WITH weeks AS MATERIALIZED (${weeksTable(window)})
    SELECT to_char(w.start_date, 'IYYY-"W"IW') AS week, to_char(w.start_date, 'YYYY-MM-DD') AS start,
      ${elapsedMinutes(sql`w.starts`, sql`w.ends`, window.now)} AS minutes,
      ${elapsedMinutes(windowStart(window), windowEnd(window), window.now)} AS period_minutes,
      w.ends <= least(${window.now}::timestamptz, statement_timestamp() - ${CLOSED_AFTER}) AS closed,
      coalesce(a.stamp = ${currentStamp(sql`w.start_date`)}, FALSE) AS fresh,
      coalesce((SELECT time_zone FROM organisation_settings WHERE id = 1), 'UTC') = ${window.timeZone} AS zone_current,
      c.scope, ${storedColumns("c", histograms)}
    FROM weeks w
    LEFT JOIN metric_week_cells a ON a.time_zone = ${window.timeZone} AND a.week_start = w.start_date AND a.scope = ''
    LEFT JOIN metric_week_cells c ON c.time_zone = ${window.timeZone} AND c.week_start = w.start_date AND c.scope = ${key} AND c.stamp = a.stamp
    ORDER BY w.n`;
}

const storedHistograms = Prisma.raw(
  ["ttd", "ttm_ai", "ttm_other", "ttr"].flatMap((name) => [`coalesce(c.${name}, '{}')`, `coalesce(c.${name}_counts, '{}')`]).join(", "),
);

/**
 * Computes and keeps every scope's cells of the given closed weeks, stamped with the count of
 * invalidations the same statement's snapshot sees, and only while the zone is still the
 * organisation's. A cell is replaced only by a later stamp, so a slower fill from an older
 * snapshot never overwrites a newer one.
 */
export function fillSql(dates: readonly string[], timeZone: string): Sql {
  const weeks = weeksOfDates(dates, timeZone);
  return sql`
    WITH computed AS (${cellsSql(weeks, { kind: "every scope" }, new Date())}),
    present AS (SELECT scope, week_start FROM computed UNION SELECT '', to_char(d, 'YYYY-MM-DD') FROM unnest(${dates}::date[]) AS d)
    INSERT INTO metric_week_cells (time_zone, week_start, scope, stamp, incidents, sev1, sev2, ai_involved, ai_sev1, policy_violations,
      users_affected, impact_us, ai_impact_us, other_impact_us, ttd, ttd_counts, ttm_ai, ttm_ai_counts, ttm_other, ttm_other_counts,
      ttr, ttr_counts, ttd_stats, ttm_stats, ttr_stats, root_causes, blast_radii)
    SELECT ${timeZone}, p.week_start::date, p.scope, ${currentStamp(sql`p.week_start::date`)},
      coalesce(c.incidents, 0), coalesce(c.sev1, 0), coalesce(c.sev2, 0), coalesce(c.ai_involved, 0), coalesce(c.ai_sev1, 0),
      coalesce(c.policy_violations, 0), coalesce(c.users_affected, 0)::bigint, coalesce(c.impact_us, 0)::bigint,
      coalesce(c.ai_impact_us, 0)::bigint, coalesce(c.other_impact_us, 0)::bigint,
      ${storedHistograms}, coalesce(c.ttd_stats, '{}'), coalesce(c.ttm_stats, '{}'), coalesce(c.ttr_stats, '{}'),
      coalesce(c.root_causes, '{}'), coalesce(c.blast_radii, '{}')
    FROM present p LEFT JOIN computed c USING (scope, week_start)
    WHERE coalesce((SELECT time_zone FROM organisation_settings WHERE id = 1), 'UTC') = ${timeZone}
    ON CONFLICT (time_zone, week_start, scope) DO UPDATE SET
      stamp = excluded.stamp, incidents = excluded.incidents, sev1 = excluded.sev1, sev2 = excluded.sev2,
      ai_involved = excluded.ai_involved, ai_sev1 = excluded.ai_sev1, policy_violations = excluded.policy_violations,
      users_affected = excluded.users_affected, impact_us = excluded.impact_us, ai_impact_us = excluded.ai_impact_us,
      other_impact_us = excluded.other_impact_us, ttd = excluded.ttd, ttd_counts = excluded.ttd_counts,
      ttm_ai = excluded.ttm_ai, ttm_ai_counts = excluded.ttm_ai_counts, ttm_other = excluded.ttm_other,
      ttm_other_counts = excluded.ttm_other_counts, ttr = excluded.ttr, ttr_counts = excluded.ttr_counts,
      ttd_stats = excluded.ttd_stats, ttm_stats = excluded.ttm_stats, ttr_stats = excluded.ttr_stats,
      root_causes = excluded.root_causes, blast_radii = excluded.blast_radii
    WHERE metric_week_cells.stamp < excluded.stamp`;
}

/** Fills of closed weeks take turns, so that a cold start computes each week once. */
const FILL_LOCK = sql`SELECT pg_advisory_xact_lock(hashtext('metric_week_cells fill'))::text`;

/** The longest a fill may take (a cold start at a million incidents computes a year in seconds). */
const FILL_TIMEOUT_MS = 120_000;

async function fillWeeks(db: Database, window: MetricsWindow, key: string, histograms: boolean): Promise<StatusRow[]> {
  return db.$transaction(
    async (tx) => {
      await tx.$queryRaw(FILL_LOCK);
      // Another fill may have kept them while this one waited.
      const status = await tx.$queryRaw<StatusRow[]>(statusSql(window, key, histograms));
      const stale = status.filter((w) => w.closed && !w.fresh && w.zone_current).map((w) => w.start);
      if (stale.length > 0) {
        await tx.$executeRaw(fillSql(stale, window.timeZone));
        return tx.$queryRaw<StatusRow[]>(statusSql(window, key, histograms));
      }
      return status;
    },
    { timeout: FILL_TIMEOUT_MS, maxWait: FILL_TIMEOUT_MS },
  );
}

/** The scope's cell of each of `dates`, computed now, by week start; `full` false: the weekly figures alone (weekFiguresSql). */
export async function liveCells(db: Database, window: MetricsWindow, dates: string[], condition: Sql, full = true): Promise<Map<string, Cell>> {
  if (dates.length === 0) return new Map();
  const weeks = weeksOfDates(dates, window.timeZone);
  const rows = await db.$queryRaw<CellRow[]>(full ? cellsSql(weeks, { kind: "scope", condition }, window.now) : weekFiguresSql(weeks, condition, window.now));
  return new Map(rows.map((row) => [row.week_start, toCell(row)]));
}

/** Per service of `serviceIds` (null: every service), over the given weeks computed now: incidents started and impact microseconds. */
export function liveServiceSumsSql(window: MetricsWindow, dates: readonly string[], condition: Sql, serviceIds: string[] | null): Sql {
  const only =
    serviceIds === null ? sql`TRUE` : serviceIds.length === 0 ? sql`FALSE` : sql`x.service_id IN (${join(serviceIds.map((id) => sql`${id}::uuid`))})`;
  return sql`
    WITH ${weekPairs(weeksOfDates(dates, window.timeZone), condition)},
    per_week AS (
      SELECT 's:' || x.service_id AS scope, count(*) FILTER (WHERE p.started_in)::int AS incidents,
        ${microseconds(sql`range_agg(${impactOf(window.now)}) * ${clip}`)} AS impact_us
      FROM pairs p JOIN incident_services x ON x.incident_id = p.id
      WHERE ${only}
      GROUP BY x.service_id, p.week_start, p.starts, p.ends
    )
    SELECT scope, sum(incidents)::int AS incidents, sum(impact_us)::float8 AS impact_us FROM per_week GROUP BY scope`;
}

/** The window's weeks, closed ones kept and current (filling those that are not). */
export async function windowStatus(db: Database, window: MetricsWindow, key: string, histograms: boolean): Promise<StatusRow[]> {
  const status = await db.$queryRaw<StatusRow[]>(statusSql(window, key, histograms));
  const needsFill = status.some((w) => w.closed && !w.fresh && w.zone_current);
  return needsFill ? fillWeeks(db, window, key, histograms) : status;
}

/** Whether a week's kept cells can be read: ended, current, in the organisation's zone. */
export const kept = (w: StatusRow) => w.closed && w.fresh && w.zone_current;

/**
 * The scope's cell for every week of the window: kept cells for the closed weeks, the rest
 * (the running week, a week whose cell a write has just made stale) computed live. The cards
 * of one page that ask for the same window and scope share one read (React's cache() lasts a
 * server render; elsewhere it does not remember). `histograms`: read the durations' histograms,
 * which summing weeks needs; the weekly figures need only each week's stats.
 */
export function windowCells(db: Database, window: MetricsWindow, scope: ResolvedScope, read: { histograms: boolean }): Promise<WindowCells> {
  return windowCellsOnce(db, JSON.stringify(window), JSON.stringify(scope), read.histograms);
}

const windowCellsOnce = cache((db: Database, windowJson: string, scopeJson: string, histograms: boolean) => {
  const window = JSON.parse(windowJson) as MetricsWindow & { now: string };
  return readWindowCells(db, { ...window, now: new Date(window.now) }, JSON.parse(scopeJson) as ResolvedScope, histograms);
});

async function readWindowCells(db: Database, window: MetricsWindow, scope: ResolvedScope, histograms: boolean): Promise<WindowCells> {
  const key = cellScopeKey(scope);
  const status = await windowStatus(db, window, key ?? "", histograms);
  const live = status.filter((w) => key === null || !kept(w)).map((w) => w.start);
  const computed = await liveCells(db, window, live, scopeConditionPerIncident(scope), histograms);
  const weeks = status.map((w): WindowWeek => {
    const cell = key !== null && kept(w) ? (w.scope === null ? emptyCell() : toCell(w as StatusRow & CellRow)) : (computed.get(w.start) ?? emptyCell());
    return { week: w.week, start: w.start, minutes: w.minutes, cell };
  });
  return { weeks, minutes: status[0]?.period_minutes ?? 0 };
}

type ServiceSumRow = { scope: string; incidents: number; impact_us: number };

/** Each service's kept cells of the given weeks summed (every service, or those of `serviceIds`). */
export function serviceSumsSql(timeZone: string, dates: readonly string[], serviceIds: string[] | null): Sql {
  const only = serviceIds === null ? sql`TRUE` : serviceIds.length === 0 ? sql`FALSE` : sql`c.scope IN (${join(serviceIds.map((id) => sql`${"s:" + id}`))})`;
  return sql`
    SELECT c.scope, sum(c.incidents)::int AS incidents, sum(c.impact_us)::float8 AS impact_us
    FROM metric_week_cells c JOIN metric_week_cells a ON a.time_zone = c.time_zone AND a.week_start = c.week_start AND a.scope = '' AND a.stamp = c.stamp
    WHERE c.time_zone = ${timeZone} AND c.week_start = ANY(${dates}::date[]) AND c.scope LIKE 's:%' AND ${only}
    GROUP BY c.scope`;
}

/** Per service of `serviceIds` (null: every service): incidents started and impact microseconds over the window's weeks. */
export async function serviceTotals(
  db: Database,
  window: MetricsWindow,
  scope: ResolvedScope,
  serviceIds: string[] | null,
): Promise<Map<string, { incidents: number; impactUs: number }>> {
  const status = await windowStatus(db, window, "", false);
  const keptDates = status.filter(kept).map((w) => w.start);
  const live = status.filter((w) => !kept(w)).map((w) => w.start);
  const [stored, computed] = await Promise.all([
    keptDates.length === 0 ? [] : db.$queryRaw<ServiceSumRow[]>(serviceSumsSql(window.timeZone, keptDates, serviceIds)),
    live.length === 0 ? [] : db.$queryRaw<ServiceSumRow[]>(liveServiceSumsSql(window, live, scopeConditionPerIncident(scope), serviceIds)),
  ]);
  const totals = new Map<string, { incidents: number; impactUs: number }>();
  const add = (scopeKey: string, incidents: number, impactUs: number) => {
    const id = scopeKey.slice(2);
    const total = totals.get(id) ?? { incidents: 0, impactUs: 0 };
    totals.set(id, { incidents: total.incidents + incidents, impactUs: total.impactUs + impactUs });
  };
  for (const row of [...stored, ...computed]) add(row.scope, row.incidents, row.impact_us);
  return totals;
}

/** The Mondays from `from` to `to`, both included. */
export function weeksBetween(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 7)) dates.push(d);
  return dates;
}
