import { Prisma } from "@/lib/generated/prisma/client";
import { durationStats } from "../sql";
import type { Cell } from "./cell";

const { sql } = Prisma;
type Sql = Prisma.Sql;

/** Weeks given by their Mondays: week_start, starts, ends (instants of local midnight). */
export const weeksOfDates = (dates: readonly string[], timeZone: string) => sql`
  SELECT d AS week_start, (d::timestamp AT TIME ZONE ${timeZone}::text) AS starts, ((d + 7)::timestamp AT TIME ZONE ${timeZone}::text) AS ends
  FROM unnest(${dates}::date[]) AS d`;

/** Which cells a computation groups into: the one scope asked for (its condition on incidents `i`), or every scope. */
type Grouping = { kind: "scope"; condition: Sql } | { kind: "every scope" };

const minutesAfterStart = (column: string) => sql`floor(greatest(0, date_part('epoch', ${Prisma.raw(column)} - started_at)) / 60)::int`;

/** Microseconds covered by a multirange (exact: extract gives numeric). */
export const microseconds = (multirange: Sql) =>
  sql`(SELECT coalesce(sum(extract(epoch FROM upper(r)) - extract(epoch FROM lower(r))), 0) * 1000000 FROM unnest(${multirange}) AS r)::float8`;

/** A histogram of the minutes in array column `f.<name>`: columns <name> (distinct values, ascending) and <name>_counts. */
const histogram = (name: string) => {
  const [alias, column] = [Prisma.raw(`h_${name}`), Prisma.raw(`f.${name}`)];
  return sql`LEFT JOIN LATERAL (
    SELECT coalesce(array_agg(v ORDER BY v), '{}') AS ${Prisma.raw(name)}, coalesce(array_agg(n ORDER BY v), '{}') AS ${Prisma.raw(`${name}_counts`)}
    FROM (SELECT v, count(*)::int AS n FROM unnest(${column}) AS v GROUP BY v) AS h) AS ${alias} ON TRUE`;
};

/** [startedAt, mitigatedAt or now) of a pair's incident, and the pair's week as a multirange to clip it to. */
export const impactOf = (now: Date) => sql`tstzrange(started_at, greatest(started_at, coalesce(mitigated_at, ${now}::timestamptz)), '[)')`;
export const clip = sql`tstzmultirange(tstzrange(starts, ends))`;

/**
 * CTEs `weeks` and `pairs`: one row per (week, incident) for the incidents of `condition` that
 * started in the week (started_in) or started before it and still hurt at its start.
 */
export function weekPairs(weeks: Sql, condition: Sql): Sql {
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
export function cellsSql(weeks: Sql, grouping: Grouping, now: Date): Sql {
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
export function weekFiguresSql(weeks: Sql, condition: Sql, now: Date): Sql {
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
export type ScalarRow = {
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

export type CellRow = ScalarRow & {
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

export const scalarsOf = (row: ScalarRow): Omit<Cell, "stats" | "histograms"> => ({
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

export function toCell(row: CellRow): Cell {
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
