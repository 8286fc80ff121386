// SQL shared by the metrics queries. Weeks are Monday 00:00 to Monday 00:00 on the wall clock
// of the organisation's zone, so a DST week is 167 or 169 hours long. Values are bound, never spliced.
import { Prisma } from "@/lib/generated/prisma/client";
import { isoWeekStartDate } from "@/lib/time/iso-week";
import type { DurationStats, MetricsQuery } from "./types";

const { sql } = Prisma;
type Sql = Prisma.Sql;

/** The instants and dates that bound a query's weeks. */
export type MetricsWindow = { fromMonday: string; toMonday: string; timeZone: string; now: Date };

export function metricsWindow(q: MetricsQuery): MetricsWindow {
  const fromMonday = isoWeekStartDate(q.from);
  const toMonday = isoWeekStartDate(q.to);
  if (toMonday < fromMonday) throw new RangeError(`The metrics window ends (${toMonday}) before it starts (${fromMonday})`);
  return { fromMonday, toMonday, timeZone: q.timeZone, now: q.now ?? new Date() };
}

/** Local midnight of a date in the zone, as an instant. */
const localMidnight = (date: Sql, timeZone: string) => sql`((${date})::timestamp AT TIME ZONE ${timeZone}::text)`;

export const windowStart = (w: MetricsWindow) => localMidnight(sql`${w.fromMonday}::date`, w.timeZone);
export const windowEnd = (w: MetricsWindow) => localMidnight(sql`${w.toMonday}::date + 7`, w.timeZone);

/** One row per week of the window: n (1, 2, …), start_date (the Monday), starts and ends (instants). */
export const weeksTable = (w: MetricsWindow) => sql`
  SELECT n::int AS n, d::date AS start_date, ${localMidnight(sql`d`, w.timeZone)} AS starts, ${localMidnight(sql`d + interval '7 days'`, w.timeZone)} AS ends
  FROM generate_series(${w.fromMonday}::timestamp, ${w.toMonday}::timestamp, interval '7 days') WITH ORDINALITY AS g(d, n)`;

/**
 * The time `i` hurt customers as stored: open-ended while not mitigated, empty if the
 * timestamps were ever inverted (never an error). Index incidents_impact_idx is on exactly this.
 */
const storedImpact = sql`tstzrange(least(i.started_at, i.mitigated_at), i.mitigated_at, '[)')`;

/**
 * The scope's incidents whose impact interval reaches into the window: started in it, or
 * started before and still hurting at its start (a long or ongoing incident). Two branches
 * so that each has its index: the start time, and the impact range for the few long ones.
 */
export const impactCandidates = (w: MetricsWindow, scope: Sql) => impactCandidatesBetween(windowStart(w), windowEnd(w), scope);

/** impactCandidates of any span [start, end) of instants. */
export const impactCandidatesBetween = (start: Sql, end: Sql, scope: Sql) => sql`
  SELECT i.id, i.started_at, i.mitigated_at FROM incidents i
  WHERE i.started_at >= ${start} AND i.started_at < ${end} AND ${scope}
  UNION ALL
  SELECT i.id, i.started_at, i.mitigated_at FROM incidents i
  WHERE ${storedImpact} @> ${start} AND i.started_at < ${start} AND ${scope}`;

/** [startedAt, mitigatedAt or now) of `i`; empty rather than an error for inverted timestamps. */
export const impactInterval = (now: Date) => sql`tstzrange(i.started_at, greatest(i.started_at, coalesce(i.mitigated_at, ${now}::timestamptz)), '[)')`;

/** Whole minutes (rounded down) covered by a multirange, or 0 for none. */
export const coveredMinutes = (multirange: Sql) =>
  sql`(SELECT floor(coalesce(sum(extract(epoch FROM upper(r)) - extract(epoch FROM lower(r))), 0) / 60)::int FROM unnest(${multirange}) AS r)`;

/** Minutes of an [a, b) span of instants. */
export const spanMinutes = (from: Sql, to: Sql) => sql`(extract(epoch FROM ${to}) - extract(epoch FROM ${from}))::float8 / 60`;

/**
 * Minutes of [a, b) that have passed by `now`: a week still running counts only its minutes so
 * far, as its impact does (an ongoing incident counts to now), so availability is not flattered
 * by minutes that have not happened yet.
 */
export const elapsedMinutes = (from: Sql, to: Sql, now: Date) => spanMinutes(from, sql`least(${to}, greatest(${from}, ${now}::timestamptz))`);

/** 1 − impact / minutes; a window with no minutes passed yet has had no impact. */
export const availabilityOf = (impactMinutes: number, minutes: number) => (minutes > 0 ? 1 - impactMinutes / minutes : 1);

/**
 * Whole minutes from start to `column` as the incident pages show them (ttdMinutes…), null
 * when unset. date_part, being float8, is three times cheaper here than extract's numeric.
 */
const minutesAfterStart = (column: Sql) =>
  sql`CASE WHEN ${column} IS NULL THEN NULL ELSE floor(greatest(0, date_part('epoch', ${column} - i.started_at)) / 60) END`;

/** [median, p90] by linear interpolation (percentile_cont, as lib/metrics/percentile.ts); null with no values. */
export const medianAndP90 = (column: Sql) => sql`percentile_cont(ARRAY[0.5, 0.9]::float8[]) WITHIN GROUP (ORDER BY ${minutesAfterStart(column)})`;

/** The counts and durations of the incidents `i` a group holds. */
export const incidentFigures = sql`
  count(*)::int AS incidents,
  count(*) FILTER (WHERE i.severity = 'SEV1')::int AS sev1,
  count(*) FILTER (WHERE i.severity = 'SEV2')::int AS sev2,
  count(*) FILTER (WHERE i.ai_involvement <> 'NONE')::int AS ai_involved,
  count(*) FILTER (WHERE i.policy_violation)::int AS policy_violations,
  coalesce(sum(i.users_affected), 0)::float8 AS users_affected,
  ${medianAndP90(sql`i.detected_at`)} AS ttd,
  ${medianAndP90(sql`i.mitigated_at`)} AS ttm,
  ${medianAndP90(sql`i.resolved_at`)} AS ttr`;

export type IncidentFiguresRow = {
  incidents: number;
  sev1: number;
  sev2: number;
  ai_involved: number;
  policy_violations: number;
  users_affected: number;
  ttd: number[] | null;
  ttm: number[] | null;
  ttr: number[] | null;
};

/** The counts of an incidentFigures row, named as the figures are. */
export const incidentCountsOf = (row: IncidentFiguresRow) => ({
  incidents: row.incidents,
  sev1: row.sev1,
  sev2: row.sev2,
  aiInvolved: row.ai_involved,
  policyViolations: row.policy_violations,
  usersAffected: row.users_affected,
});

export const durationStats = (pair: number[] | null): DurationStats => ({ median: pair?.[0] ?? null, p90: pair?.[1] ?? null });

/** The share of incidents with AI involved; null when there were none. */
export const aiShareOf = (aiInvolved: number, incidents: number) => (incidents === 0 ? null : aiInvolved / incidents);
