// The query behind the change failure rate (SPEC, "Changes and change failure rate"): every
// figure is counted in PostgreSQL over the window's changes, in the weeks of features/metrics/sql.ts.
import { Prisma } from "@/lib/generated/prisma/client";
import { medianAndP90, weeksTable, windowEnd, windowStart, type MetricsWindow } from "@/features/metrics/sql";

const { sql } = Prisma;

/** One count row: a week (n) or the whole window (n null), split by ai or violating or neither. */
export type ChangeCountRow = { n: number | null; ai: string | null; violating: boolean | null; changes: number; failed: number };
/** Recovery of one week's failed changes (n) or the window's (n null): [median, p90] of their incidents' TTM. */
export type RecoveryRow = { n: number | null; ttm: number[] | null };
export type ChangeMetricsRow = { weeks: { n: number; week: string; start: string }[]; counts: ChangeCountRow[]; recovery: RecoveryRow[] };

/**
 * One row holding three lists: the weeks, the counts of every week and of the window (all,
 * by ai_effective, by policy_violation, in one pass with GROUPING SETS), and the recovery
 * times. A change is failed when any incident names its reference; an incident names one
 * change at most (references are unique), so the join holds each linked incident once, and
 * one pass over the incidents serves both the failures and the recovery times.
 */
export function changeMetricsSql(window: MetricsWindow, scope: Prisma.Sql): Prisma.Sql {
  return sql`
    WITH weeks AS MATERIALIZED (${weeksTable(window)}),
    windowed AS MATERIALIZED (
      SELECT width_bucket(c.deployed_at, (SELECT array_agg(starts ORDER BY n) FROM weeks)) AS n, c.reference,
        c.ai_effective::text AS ai, c.policy_violation AS violating
      FROM changes c
      WHERE c.deployed_at >= ${windowStart(window)} AND c.deployed_at < ${windowEnd(window)} AND ${scope}
    ),
    linked AS MATERIALIZED (
      SELECT w.n, w.reference, i.started_at, i.mitigated_at FROM windowed w JOIN incidents i ON i.change_reference = w.reference
    ),
    counts AS (
      SELECT n, ai, violating, count(*)::int AS changes, count(*) FILTER (WHERE failed)::int AS failed
      FROM (SELECT w.*, w.reference IN (SELECT reference FROM linked) AS failed FROM windowed w) AS w
      GROUP BY GROUPING SETS ((n), (n, ai), (n, violating), (), (ai), (violating))
    ),
    recovery AS (
      SELECT i.n, ${medianAndP90(sql`i.mitigated_at`)} AS ttm
      FROM linked i
      GROUP BY GROUPING SETS ((i.n), ())
    )
    SELECT
      (SELECT jsonb_agg(jsonb_build_object('n', n, 'week', to_char(start_date, 'IYYY-"W"IW'), 'start', to_char(start_date, 'YYYY-MM-DD')) ORDER BY n) FROM weeks) AS weeks,
      (SELECT coalesce(jsonb_agg(to_jsonb(counts)), '[]'::jsonb) FROM counts) AS counts,
      (SELECT coalesce(jsonb_agg(to_jsonb(recovery)), '[]'::jsonb) FROM recovery) AS recovery`;
}
