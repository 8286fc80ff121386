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
import { cache } from "react";
import { addDays } from "@/lib/time/iso-week";
import type { Database } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { percentileOfCounts } from "@/lib/metrics/percentile";
import { cellScopeKey, scopeConditionPerIncident, type ResolvedScope } from "./scope";
import { durationStats, elapsedMinutes, windowEnd, windowStart, weeksTable, type MetricsWindow } from "./sql";
import type { DurationStats } from "./types";

const { sql, join } = Prisma;
type Sql = Prisma.Sql;

/** Minutes as distinct values (ascending) with how many incidents took each. */
export type Histogram = { values: number[]; counts: number[] };

/** One scope's figures for one week (or, summed, for a window). */
export type Cell = {
  /** Incidents started in the week, and of them: */
  incidents: number;
  sev1: number;
  sev2: number;
  aiInvolved: number;
  aiSev1: number;
  policyViolations: number;
  usersAffected: number;
  /** Microseconds of the week covered by an impact interval: of any incident, of AI-involved ones, of the others. */
  impactUs: number;
  aiImpactUs: number;
  otherImpactUs: number;
  /** The week's own median and p90 (not mergeable across weeks: the histograms are). */
  stats: { ttd: DurationStats; ttm: DurationStats; ttr: DurationStats };
  /** Null when read without them (the weekly figures need only the stats). */
  histograms: Histograms | null;
  rootCauses: Record<string, number>;
  blastRadii: Record<string, number>;
};

export type Histograms = { ttd: Histogram; ttmAi: Histogram; ttmOther: Histogram; ttr: Histogram };

export type WindowWeek = { week: string; start: string; minutes: number; cell: Cell };
/** The window's weeks in order, and the minutes of the whole window (up to now while it runs). */
export type WindowCells = { weeks: WindowWeek[]; minutes: number };

const emptyHistogram = (): Histogram => ({ values: [], counts: [] });
const noStats = (): DurationStats => ({ median: null, p90: null });

export const emptyCell = (): Cell => ({
  incidents: 0,
  sev1: 0,
  sev2: 0,
  aiInvolved: 0,
  aiSev1: 0,
  policyViolations: 0,
  usersAffected: 0,
  impactUs: 0,
  aiImpactUs: 0,
  otherImpactUs: 0,
  stats: { ttd: noStats(), ttm: noStats(), ttr: noStats() },
  histograms: { ttd: emptyHistogram(), ttmAi: emptyHistogram(), ttmOther: emptyHistogram(), ttr: emptyHistogram() },
  rootCauses: {},
  blastRadii: {},
});

/** Histograms merged: each value's counts added. */
export function mergeHistograms(histograms: readonly Histogram[]): Histogram {
  if (histograms.length === 0) return emptyHistogram();
  if (histograms.length === 1) return histograms[0]!;
  const counts = new Map<number, number>();
  for (const h of histograms) h.values.forEach((value, i) => counts.set(value, (counts.get(value) ?? 0) + h.counts[i]!));
  const values = [...counts.keys()].sort((a, b) => a - b);
  return { values, counts: values.map((v) => counts.get(v)!) };
}

const addCounts = (a: Record<string, number>, b: Record<string, number>) => {
  const sum = { ...a };
  for (const [key, n] of Object.entries(b)) sum[key] = (sum[key] ?? 0) + n;
  return sum;
};

/** The cells of several weeks as one: counts and impact added, histograms merged (the stats are left empty). */
export function sumCells(cells: readonly Cell[]): Cell & { histograms: Histograms } {
  const total = emptyCell() as Cell & { histograms: Histograms };
  for (const c of cells) {
    total.incidents += c.incidents;
    total.sev1 += c.sev1;
    total.sev2 += c.sev2;
    total.aiInvolved += c.aiInvolved;
    total.aiSev1 += c.aiSev1;
    total.policyViolations += c.policyViolations;
    total.usersAffected += c.usersAffected;
    total.impactUs += c.impactUs;
    total.aiImpactUs += c.aiImpactUs;
    total.otherImpactUs += c.otherImpactUs;
    total.rootCauses = addCounts(total.rootCauses, c.rootCauses);
    total.blastRadii = addCounts(total.blastRadii, c.blastRadii);
  }
  const histograms = cells.map((c) => {
    if (!c.histograms) throw new Error("Cells read without their histograms cannot be summed");
    return c.histograms;
  });
  total.histograms = {
    ttd: mergeHistograms(histograms.map((h) => h.ttd)),
    ttmAi: mergeHistograms(histograms.map((h) => h.ttmAi)),
    ttmOther: mergeHistograms(histograms.map((h) => h.ttmOther)),
    ttr: mergeHistograms(histograms.map((h) => h.ttr)),
  };
  return total;
}

/** Whole minutes (rounded down) of impact microseconds. */
export const minutesOf = (us: number) => Math.floor(us / 60_000_000);

/** [median, p90] of a histogram as percentile_cont gives them. */
export function durationStatsOf(h: Histogram): DurationStats {
  return { median: percentileOfCounts(h.values, h.counts, 0.5), p90: percentileOfCounts(h.values, h.counts, 0.9) };
}

// ---- SQL ------------------------------------------------------------------------------------

/** Weeks given by their Mondays: week_start, starts, ends (instants of local midnight). */
const weeksOfDates = (dates: readonly string[], timeZone: string) => sql`
  SELECT d AS week_start, (d::timestamp AT TIME ZONE ${timeZone}::text) AS starts, ((d + 7)::timestamp AT TIME ZONE ${timeZone}::text) AS ends
  FROM unnest(${dates}::date[]) AS d`;

/** Which cells a computation groups into: the one scope asked for (its condition on incidents `i`), or every scope. */
type Grouping = { kind: "scope"; condition: Sql } | { kind: "every scope" };

const minutesAfterStart = (column: string) =>
  sql`floor(greatest(0, date_part('epoch', ${Prisma.raw(column)} - started_at)) / 60)::int`;

/** Microseconds covered by a multirange (exact: extract gives numeric). */
const microseconds = (multirange: Sql) =>
  sql`(SELECT coalesce(sum(extract(epoch FROM upper(r)) - extract(epoch FROM lower(r))), 0) * 1000000 FROM unnest(${multirange}) AS r)::float8`;

/** A histogram of the minutes in array column `f.<name>`: columns <name> (distinct values, ascending) and <name>_counts. */
const histogram = (name: string) => {
  const [alias, column] = [Prisma.raw(`h_${name}`), Prisma.raw(`f.${name}`)];
  return sql`LEFT JOIN LATERAL (
    SELECT coalesce(array_agg(v ORDER BY v), '{}') AS ${Prisma.raw(name)}, coalesce(array_agg(n ORDER BY v), '{}') AS ${Prisma.raw(`${name}_counts`)}
    FROM (SELECT v, count(*)::int AS n FROM unnest(${column}) AS v GROUP BY v) AS h) AS ${alias} ON TRUE`;
};

/** [startedAt, mitigatedAt or now) of a pair's incident, and the pair's week as a multirange to clip it to. */
const impactOf = (now: Date) => sql`tstzrange(started_at, greatest(started_at, coalesce(mitigated_at, ${now}::timestamptz)), '[)')`;
const clip = sql`tstzmultirange(tstzrange(starts, ends))`;

/**
 * CTEs `weeks` and `pairs`: one row per (week, incident) for the incidents of `condition` that
 * started in the week (started_in) or started before it and still hurt at its start.
 */
function weekPairs(weeks: Sql, condition: Sql): Sql {
  const columns = sql`i.id, i.started_at, i.detected_at, i.mitigated_at, i.resolved_at, i.severity, i.ai_involvement <> 'NONE' AS ai,
    i.policy_violation, i.users_affected, i.root_cause_category, i.blast_radius`;
  return sql`
    weeks AS MATERIALIZED (${weeks}),
    -- per week, so that each reads its own stretch of the indexes: the planner cannot see the weeks' values, and
    -- OFFSET 0 keeps it from flattening the LATERAL subqueries back into one join over every incident
    pairs AS MATERIALIZED (
      SELECT w.week_start, w.starts, w.ends, TRUE AS started_in, i.*
      FROM weeks w CROSS JOIN LATERAL (
        SELECT ${columns} FROM incidents i WHERE i.started_at >= w.starts AND i.started_at < w.ends AND ${condition} OFFSET 0) AS i
      UNION ALL
      SELECT w.week_start, w.starts, w.ends, FALSE, i.*
      FROM weeks w CROSS JOIN LATERAL (
        SELECT ${columns} FROM incidents i
        WHERE tstzrange(least(i.started_at, i.mitigated_at), i.mitigated_at, '[)') @> w.starts AND ${condition} OFFSET 0) AS i
      WHERE i.started_at < w.starts -- outside, so the few the impact index finds are filtered rather than ANDed with a scan of every start before
    )`;
}

/**
 * The cells of the given weeks, one row per (scope, week): the SQL both the fill and the live
 * weeks run. An incident belongs to a week's counts if it started in it, and to its impact if
 * its interval [startedAt, mitigatedAt or now) reaches into it (docs/metrics.md); team cells
 * hold each incident once however many of the team's services it touched.
 */
function cellsSql(weeks: Sql, grouping: Grouping, now: Date): Sql {
  const everything = sql`SELECT '' AS scope, p.* FROM pairs p`;
  const services = sql`SELECT 's:' || x.service_id AS scope, p.* FROM pairs p JOIN incident_services x ON x.incident_id = p.id`;
  const teams = sql`
    SELECT 't:' || t.team_id AS scope, p.* FROM pairs p
    JOIN LATERAL (SELECT DISTINCT s.team_id FROM incident_services x JOIN services s ON s.id = x.service_id WHERE x.incident_id = p.id) AS t ON TRUE`;
  const [condition, scoped] =
    grouping.kind === "scope" ? [grouping.condition, everything] : [sql`TRUE`, sql`${everything} UNION ALL ${services} UNION ALL ${teams}`];
  const impact = impactOf(now);
  const started = (filter: string) => sql`count(*) FILTER (WHERE started_in${Prisma.raw(filter)})::int`;
  // [median, p90] of the week's own incidents, as the weekly figures show them ('{}' with none)
  const stats = (column: string) =>
    sql`coalesce(percentile_cont(ARRAY[0.5, 0.9]::float8[]) WITHIN GROUP (ORDER BY ${minutesAfterStart(column)}) FILTER (WHERE started_in AND ${Prisma.raw(column)} IS NOT NULL), '{}')`;
  const countsBy = (column: string, name: string) => sql`
    SELECT scope, week_start, jsonb_object_agg(k, n) AS ${Prisma.raw(name)} FROM (
      SELECT scope, week_start, ${Prisma.raw(column)}::text AS k, count(*)::int AS n FROM scoped WHERE started_in GROUP BY 1, 2, 3) AS c
    GROUP BY 1, 2`;
  return sql`
    WITH ${weekPairs(weeks, condition)},
    scoped AS MATERIALIZED (${scoped}),
    f AS (
      SELECT scope, week_start,
        ${started("")} AS incidents, ${started(" AND severity = 'SEV1'")} AS sev1, ${started(" AND severity = 'SEV2'")} AS sev2,
        ${started(" AND ai")} AS ai_involved, ${started(" AND ai AND severity = 'SEV1'")} AS ai_sev1,
        ${started(" AND policy_violation")} AS policy_violations,
        coalesce(sum(users_affected) FILTER (WHERE started_in), 0)::float8 AS users_affected,
        range_agg(${impact}) * ${clip} AS covered,
        coalesce(range_agg(${impact}) FILTER (WHERE ai), '{}') * ${clip} AS ai_covered,
        coalesce(range_agg(${impact}) FILTER (WHERE NOT ai), '{}') * ${clip} AS other_covered,
        array_agg(${minutesAfterStart("detected_at")}) FILTER (WHERE started_in AND detected_at IS NOT NULL) AS ttd,
        array_agg(${minutesAfterStart("mitigated_at")}) FILTER (WHERE started_in AND mitigated_at IS NOT NULL AND ai) AS ttm_ai,
        array_agg(${minutesAfterStart("mitigated_at")}) FILTER (WHERE started_in AND mitigated_at IS NOT NULL AND NOT ai) AS ttm_other,
        array_agg(${minutesAfterStart("resolved_at")}) FILTER (WHERE started_in AND resolved_at IS NOT NULL) AS ttr,
        ${stats("detected_at")} AS ttd_stats, ${stats("mitigated_at")} AS ttm_stats, ${stats("resolved_at")} AS ttr_stats
      FROM scoped GROUP BY scope, week_start, starts, ends
    ),
    causes AS (${countsBy("root_cause_category", "root_causes")}),
    radii AS (${countsBy("blast_radius", "blast_radii")})
    SELECT f.scope, to_char(f.week_start, 'YYYY-MM-DD') AS week_start, f.incidents, f.sev1, f.sev2, f.ai_involved, f.ai_sev1, f.policy_violations, f.users_affected,
      ${microseconds(sql`f.covered`)} AS impact_us, ${microseconds(sql`f.ai_covered`)} AS ai_impact_us, ${microseconds(sql`f.other_covered`)} AS other_impact_us,
      h_ttd.*, h_ttm_ai.*, h_ttm_other.*, h_ttr.*, f.ttd_stats, f.ttm_stats, f.ttr_stats,
      coalesce(causes.root_causes, '{}') AS root_causes, coalesce(radii.blast_radii, '{}') AS blast_radii
    FROM f LEFT JOIN causes USING (scope, week_start) LEFT JOIN radii USING (scope, week_start)
      ${histogram("ttd")} ${histogram("ttm_ai")} ${histogram("ttm_other")} ${histogram("ttr")}`;
}

/**
 * The weekly figures alone of the given weeks for one scope, computed now: what a read
 * without histograms needs of a live week (counts, impact, each week's own stats), without
 * the histograms, breakdowns and AI split of a full cell. Such a cell is never summed.
 */
function weekFiguresSql(weeks: Sql, condition: Sql, now: Date): Sql {
  const started = (filter: string) => sql`count(*) FILTER (WHERE started_in${Prisma.raw(filter)})::int`;
  const stats = (column: string) =>
    sql`coalesce(percentile_cont(ARRAY[0.5, 0.9]::float8[]) WITHIN GROUP (ORDER BY ${minutesAfterStart(column)}) FILTER (WHERE started_in AND ${Prisma.raw(column)} IS NOT NULL), '{}')`;
  return sql`
    WITH ${weekPairs(weeks, condition)}
    SELECT '' AS scope, to_char(week_start, 'YYYY-MM-DD') AS week_start,
      ${started("")} AS incidents, ${started(" AND severity = 'SEV1'")} AS sev1, ${started(" AND severity = 'SEV2'")} AS sev2,
      ${started(" AND ai")} AS ai_involved, ${started(" AND ai AND severity = 'SEV1'")} AS ai_sev1,
      ${started(" AND policy_violation")} AS policy_violations,
      coalesce(sum(users_affected) FILTER (WHERE started_in), 0)::float8 AS users_affected,
      ${microseconds(sql`range_agg(${impactOf(now)}) * ${clip}`)} AS impact_us, 0::float8 AS ai_impact_us, 0::float8 AS other_impact_us,
      ${stats("detected_at")} AS ttd_stats, ${stats("mitigated_at")} AS ttm_stats, ${stats("resolved_at")} AS ttr_stats,
      '{}'::jsonb AS root_causes, '{}'::jsonb AS blast_radii
    FROM pairs GROUP BY week_start, starts, ends`;
}

/** The columns a cell and a period cell share: counts, impact and breakdowns. */
type ScalarRow = {
  incidents: number;
  sev1: number;
  sev2: number;
  ai_involved: number;
  ai_sev1: number;
  policy_violations: number;
  users_affected: number;
  impact_us: number;
  ai_impact_us: number;
  other_impact_us: number;
  root_causes: Record<string, number>;
  blast_radii: Record<string, number>;
};

type CellRow = ScalarRow & {
  scope: string;
  week_start: string;
  ttd: number[];
  ttd_counts: number[];
  ttm_ai: number[];
  ttm_ai_counts: number[];
  ttm_other: number[];
  ttm_other_counts: number[];
  ttr: number[];
  ttr_counts: number[];
  ttd_stats: number[];
  ttm_stats: number[];
  ttr_stats: number[];
};

const scalarsOf = (row: ScalarRow): Omit<Cell, "stats" | "histograms"> => ({
  incidents: row.incidents,
  sev1: row.sev1,
  sev2: row.sev2,
  aiInvolved: row.ai_involved,
  aiSev1: row.ai_sev1,
  policyViolations: row.policy_violations,
  usersAffected: row.users_affected,
  impactUs: row.impact_us,
  aiImpactUs: row.ai_impact_us,
  otherImpactUs: row.other_impact_us,
  rootCauses: row.root_causes,
  blastRadii: row.blast_radii,
});

function toCell(row: CellRow): Cell {
  return {
    ...scalarsOf(row),
    stats: { ttd: durationStats(row.ttd_stats), ttm: durationStats(row.ttm_stats), ttr: durationStats(row.ttr_stats) },
    histograms: row.ttd
      ? {
          ttd: { values: row.ttd, counts: row.ttd_counts },
          ttmAi: { values: row.ttm_ai, counts: row.ttm_ai_counts },
          ttmOther: { values: row.ttm_other, counts: row.ttm_other_counts },
          ttr: { values: row.ttr, counts: row.ttr_counts },
        }
      : null,
  };
}

/** The stored cell columns, read back in the shape cellsSql returns; the histograms only when asked for. */
const storedColumns = (c: string, histograms: boolean) =>
  Prisma.raw(`${c}.incidents, ${c}.sev1, ${c}.sev2, ${c}.ai_involved, ${c}.ai_sev1, ${c}.policy_violations, ${c}.users_affected::float8 AS users_affected,
    ${c}.impact_us::float8 AS impact_us, ${c}.ai_impact_us::float8 AS ai_impact_us, ${c}.other_impact_us::float8 AS other_impact_us,
    ${c}.ttd_stats, ${c}.ttm_stats, ${c}.ttr_stats, ${c}.root_causes, ${c}.blast_radii
    ${histograms ? `, ${c}.ttd, ${c}.ttd_counts, ${c}.ttm_ai, ${c}.ttm_ai_counts, ${c}.ttm_other, ${c}.ttm_other_counts, ${c}.ttr, ${c}.ttr_counts` : ""}`);

/** The week's count of invalidations, which a current cell's stamp equals. */
const currentStamp = (weekStart: Sql) => sql`(
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
function statusSql(window: MetricsWindow, key: string, histograms: boolean): Sql {
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
function fillSql(dates: readonly string[], timeZone: string): Sql {
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
async function liveCells(db: Database, window: MetricsWindow, dates: string[], condition: Sql, full = true): Promise<Map<string, Cell>> {
  if (dates.length === 0) return new Map();
  const weeks = weeksOfDates(dates, window.timeZone);
  const rows = await db.$queryRaw<CellRow[]>(full ? cellsSql(weeks, { kind: "scope", condition }, window.now) : weekFiguresSql(weeks, condition, window.now));
  return new Map(rows.map((row) => [row.week_start, toCell(row)]));
}

/** Per service of `serviceIds` (null: every service), over the given weeks computed now: incidents started and impact microseconds. */
function liveServiceSumsSql(window: MetricsWindow, dates: readonly string[], condition: Sql, serviceIds: string[] | null): Sql {
  const only = serviceIds === null ? sql`TRUE` : serviceIds.length === 0 ? sql`FALSE` : sql`x.service_id IN (${join(serviceIds.map((id) => sql`${id}::uuid`))})`;
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
async function windowStatus(db: Database, window: MetricsWindow, key: string, histograms: boolean): Promise<StatusRow[]> {
  const status = await db.$queryRaw<StatusRow[]>(statusSql(window, key, histograms));
  const needsFill = status.some((w) => w.closed && !w.fresh && w.zone_current);
  return needsFill ? fillWeeks(db, window, key, histograms) : status;
}

/** Whether a week's kept cells can be read: ended, current, in the organisation's zone. */
const kept = (w: StatusRow) => w.closed && w.fresh && w.zone_current;

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
function serviceSumsSql(timeZone: string, dates: readonly string[], serviceIds: string[] | null): Sql {
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

// ---- Periods --------------------------------------------------------------------------------

/** A window's figures summed over its weeks, with the durations' [median, p90] over all of them. */
export type PeriodTotals = {
  weeks: number;
  minutes: number;
  total: Omit<Cell, "stats" | "histograms">;
  stats: { ttd: DurationStats; ttm: DurationStats; ttr: DurationStats; ttmAi: DurationStats; ttmOther: DurationStats };
};

/** The sum of the given weeks' counts of invalidations, which a current period cell's stamp equals. */
const periodStamp = (dates: readonly string[]) => sql`(SELECT coalesce(sum(${currentStamp(sql`d`)}), 0) FROM unnest(${dates}::date[]) AS d)`;

const SUMMED = ["incidents", "sev1", "sev2", "ai_involved", "ai_sev1", "policy_violations", "users_affected", "impact_us", "ai_impact_us", "other_impact_us"];
const PERIOD_HISTOGRAMS = ["ttd", "ttm_ai", "ttm_other", "ttr", "ttm"];

/**
 * Keeps the sum of the kept cells of `dates` (a window's first to last closed week) for the
 * scope, stamped in the same statement, and only when every one of those week cells is
 * current in that statement's snapshot; a later stamp only replaces an earlier one.
 */
function fillPeriodSql(timeZone: string, key: string, dates: readonly string[]): Sql {
  // a histogram of the cells' columns merged, its counts made cumulative: columns vals, upto
  const merged = (alias: string, names: string[]) => {
    const pairs = names.map((name) => `SELECT u.v, u.n FROM cells c, unnest(c.${name}, c.${name}_counts) AS u(v, n)`).join(" UNION ALL ");
    return Prisma.raw(`CROSS JOIN LATERAL (
      SELECT coalesce(array_agg(v ORDER BY v), '{}') AS vals, coalesce(array_agg(upto ORDER BY v), '{}') AS upto
      FROM (SELECT v, (sum(n) OVER (ORDER BY v))::bigint AS upto FROM (SELECT v, sum(n) AS n FROM (${pairs}) AS u GROUP BY v) AS g) AS w) AS ${alias}`);
  };
  const counts = (column: string) =>
    Prisma.raw(`(SELECT coalesce(jsonb_object_agg(k, n), '{}') FROM (SELECT e.key AS k, sum(e.value::int) AS n FROM cells c, jsonb_each_text(c.${column}) AS e GROUP BY e.key) AS x)`);
  const histogramColumns = PERIOD_HISTOGRAMS.flatMap((h) => [h, `${h}_counts`]);
  return sql`
    WITH kept AS (
      SELECT a.week_start FROM unnest(${dates}::date[]) AS d
      JOIN metric_week_cells a ON a.time_zone = ${timeZone} AND a.week_start = d AND a.scope = '' AND a.stamp = ${currentStamp(sql`d`)}
    ),
    cells AS (
      SELECT c.* FROM kept k
      JOIN metric_week_cells a ON a.time_zone = ${timeZone} AND a.week_start = k.week_start AND a.scope = ''
      JOIN metric_week_cells c ON c.time_zone = ${timeZone} AND c.week_start = k.week_start AND c.scope = ${key} AND c.stamp = a.stamp
    )
    INSERT INTO metric_period_cells (time_zone, scope, week_start, last_week, stamp, ${Prisma.raw(SUMMED.join(", "))},
      ${Prisma.raw(histogramColumns.join(", "))}, root_causes, blast_radii)
    SELECT ${timeZone}, ${key}, ${dates[0]!}::date, ${dates[dates.length - 1]!}::date, ${periodStamp(dates)},
      ${Prisma.raw(SUMMED.map((c) => `(SELECT coalesce(sum(${c}), 0) FROM cells)`).join(", "))},
      ${Prisma.raw(PERIOD_HISTOGRAMS.map((h) => `h_${h}.vals, h_${h}.upto`).join(", "))}, ${counts("root_causes")}, ${counts("blast_radii")}
    FROM (SELECT 1) AS one
      ${merged("h_ttd", ["ttd"])} ${merged("h_ttm_ai", ["ttm_ai"])} ${merged("h_ttm_other", ["ttm_other"])} ${merged("h_ttr", ["ttr"])}
      ${merged("h_ttm", ["ttm_ai", "ttm_other"])}
    WHERE (SELECT count(*) FROM kept) = ${dates.length}
    ON CONFLICT (time_zone, scope, week_start, last_week) DO UPDATE SET stamp = excluded.stamp,
      ${Prisma.raw([...SUMMED, ...histogramColumns, "root_causes", "blast_radii"].map((c) => `${c} = excluded.${c}`).join(", "))}
    WHERE metric_period_cells.stamp < excluded.stamp`;
}

type PeriodRow = ScalarRow & {
  ttd: number[] | null;
  ttm: number[] | null;
  ttr: number[] | null;
  ttm_ai: number[] | null;
  ttm_other: number[] | null;
};

/**
 * The current period cell of `dates`, if kept, with each duration's [median, p90] over its
 * histograms merged with `extra` (the live weeks'), in the database so that the histograms
 * stay there.
 */
function periodSql(timeZone: string, key: string, dates: readonly string[], extra: Histograms): Sql {
  const live: Record<string, Histogram> = { ttd: extra.ttd, ttm_ai: extra.ttmAi, ttm_other: extra.ttmOther, ttr: extra.ttr, ttm: mergeHistograms([extra.ttmAi, extra.ttmOther]) };
  const percentiles = PERIOD_HISTOGRAMS.map((name) => {
    const h = live[name]!;
    let upto = 0;
    const cumulative = h.counts.map((n) => (upto += n));
    return sql`metric_percentiles(${Prisma.raw(`p.${name}, p.${name}_counts`)}, ${h.values}::int[], ${cumulative}::bigint[]) AS ${Prisma.raw(name)}`;
  });
  return sql`
    SELECT ${Prisma.raw(SUMMED.map((c) => `p.${c}::float8 AS ${c}`).join(", "))}, p.root_causes, p.blast_radii, ${join(percentiles)}
    FROM metric_period_cells p
    WHERE p.time_zone = ${timeZone} AND p.scope = ${key} AND p.week_start = ${dates[0]!}::date AND p.last_week = ${dates[dates.length - 1]!}::date
      AND p.stamp = ${periodStamp(dates)}`;
}

/** A cell's counts, impact and breakdowns, without its stats and histograms. */
const asTotal = (cell: Omit<Cell, "stats" | "histograms">): PeriodTotals["total"] => ({
  incidents: cell.incidents,
  sev1: cell.sev1,
  sev2: cell.sev2,
  aiInvolved: cell.aiInvolved,
  aiSev1: cell.aiSev1,
  policyViolations: cell.policyViolations,
  usersAffected: cell.usersAffected,
  impactUs: cell.impactUs,
  aiImpactUs: cell.aiImpactUs,
  otherImpactUs: cell.otherImpactUs,
  rootCauses: cell.rootCauses,
  blastRadii: cell.blastRadii,
});

/** Totals and stats from cells summed in JavaScript (the path when no period cell applies). */
function totalsOfCells(weeks: number, minutes: number, cells: readonly Cell[]): PeriodTotals {
  const t = sumCells(cells);
  const h = t.histograms;
  return {
    weeks,
    minutes,
    total: asTotal(t),
    stats: {
      ttd: durationStatsOf(h.ttd),
      ttm: durationStatsOf(mergeHistograms([h.ttmAi, h.ttmOther])),
      ttr: durationStatsOf(h.ttr),
      ttmAi: durationStatsOf(h.ttmAi),
      ttmOther: durationStatsOf(h.ttmOther),
    },
  };
}

/**
 * The window's totals: its closed weeks from one period cell (kept on first use), the rest
 * computed live and added, the durations' percentiles over both. The cards of one page share
 * one read, as windowCells does.
 */
export function periodTotals(db: Database, window: MetricsWindow, scope: ResolvedScope): Promise<PeriodTotals> {
  return periodTotalsOnce(db, JSON.stringify(window), JSON.stringify(scope));
}

const periodTotalsOnce = cache((db: Database, windowJson: string, scopeJson: string) => {
  const window = JSON.parse(windowJson) as MetricsWindow & { now: string };
  return readPeriodTotals(db, { ...window, now: new Date(window.now) }, JSON.parse(scopeJson) as ResolvedScope);
});

async function readPeriodTotals(db: Database, window: MetricsWindow, scope: ResolvedScope): Promise<PeriodTotals> {
  const key = cellScopeKey(scope);
  const status = await windowStatus(db, window, key ?? "", false);
  const minutes = status[0]?.period_minutes ?? 0;
  const keptDates = key === null ? [] : status.filter(kept).map((w) => w.start);
  // A period cell covers a run of weeks from the window's first: the closed weeks, all kept.
  const covered = keptDates.length > 0 && keptDates.every((date, i) => status[i]!.start === date) ? keptDates : [];
  const liveDates = status.slice(covered.length).map((w) => w.start);
  const live = [...(await liveCells(db, window, liveDates, scopeConditionPerIncident(scope))).values()];
  if (covered.length === 0) return totalsOfCells(status.length, minutes, live);
  const extra = sumCells(live.length > 0 ? live : [emptyCell()]);
  const read = () => db.$queryRaw<PeriodRow[]>(periodSql(window.timeZone, key!, covered, extra.histograms));
  let [row] = await read();
  if (!row) {
    await db.$executeRaw(fillPeriodSql(window.timeZone, key!, covered));
    [row] = await read();
  }
  if (!row) {
    // a write landed between: the weeks' cells, merged here
    const cells = await windowCells(db, window, scope, { histograms: true });
    return totalsOfCells(status.length, minutes, cells.weeks.map((w) => w.cell));
  }
  const stored = scalarsOf(row);
  const all = sumCells([{ ...stored, stats: emptyCell().stats, histograms: emptyCell().histograms }, extra]);
  return {
    weeks: status.length,
    minutes,
    total: asTotal(all),
    stats: {
      ttd: durationStats(row.ttd),
      ttm: durationStats(row.ttm),
      ttr: durationStats(row.ttr),
      ttmAi: durationStats(row.ttm_ai),
      ttmOther: durationStats(row.ttm_other),
    },
  };
}

/** The statements the trends run for a window and scope, for the tests that check their plans. */
export function cellStatements(window: MetricsWindow, scope: ResolvedScope): Record<string, Sql> {
  const dates = [window.fromMonday, window.toMonday];
  const condition = scopeConditionPerIncident(scope);
  return {
    "which weeks are kept": statusSql(window, cellScopeKey(scope) ?? "", true),
    "a week computed live": cellsSql(weeksOfDates(dates, window.timeZone), { kind: "scope", condition }, window.now),
    "a week's figures alone computed live": weekFiguresSql(weeksOfDates(dates, window.timeZone), condition, window.now),
    "a week's services computed live": liveServiceSumsSql(window, dates, condition, null),
    "closed weeks filled": fillSql(dates, window.timeZone),
    "services' kept cells summed": serviceSumsSql(window.timeZone, dates, null),
    "a period's closed weeks kept": fillPeriodSql(window.timeZone, cellScopeKey(scope) ?? "", dates),
    "a period read with the live weeks' percentiles": periodSql(window.timeZone, cellScopeKey(scope) ?? "", dates, emptyCell().histograms!),
  };
}

/**
 * The statements a warm read of the window runs, in order, for the benchmark's database floor:
 * which weeks are kept (with their cells), the last week computed live, and for a period its
 * period cell with the percentiles (merged with nothing: the live week's histograms come from
 * the statement before, through the app).
 */
export function warmReadStatements(window: MetricsWindow, scope: ResolvedScope, read: "weeks" | "period" | "services"): Sql[] {
  const key = cellScopeKey(scope) ?? "";
  const condition = scopeConditionPerIncident(scope);
  const last = [window.toMonday];
  const closed = weeksBetween(window.fromMonday, window.toMonday).slice(0, -1);
  if (read === "services") return [statusSql(window, "", false), serviceSumsSql(window.timeZone, closed, null), liveServiceSumsSql(window, last, condition, null)];
  const live = cellsSql(weeksOfDates(last, window.timeZone), { kind: "scope", condition }, window.now);
  if (read === "weeks") return [statusSql(window, key, false), weekFiguresSql(weeksOfDates(last, window.timeZone), condition, window.now)];
  return [statusSql(window, key, false), live, periodSql(window.timeZone, key, closed.length ? closed : last, emptyCell().histograms!)];
}

/** The Mondays from `from` to `to`, both included. */
function weeksBetween(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 7)) dates.push(d);
  return dates;
}
