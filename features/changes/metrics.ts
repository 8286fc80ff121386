// The change failure rate, week by week and over the window (docs/metrics.md, "Changes and
// change failure rate"): GET /api/v1/metrics/changes, the dashboard's "Change risk" and the executive summary.
import type { Database } from "@/lib/db/client";
import { AI_INVOLVEMENTS } from "@/lib/domain/incident-enums";
import { changeScopeCondition, resolveMetricsScope } from "@/features/metrics/scope";
import { durationStats, metricsWindow } from "@/features/metrics/sql";
import type { DurationStats, MetricsQuery } from "@/features/metrics/types";
import { changeMetricsSql, type ChangeCountRow, type ChangeMetricsRow } from "./metrics-sql";

export type AiGroup = (typeof AI_INVOLVEMENTS)[number];

/** Changes deployed, those linked to at least one incident, and failed ÷ changes (null with no changes). */
export type FailureCount = { changes: number; failed: number; changeFailureRate: number | null };

export type ChangeFigures = FailureCount & {
  /** By the stronger of declared and detected AI involvement. */
  byAi: Record<AiGroup, FailureCount>;
  /** compliant: the change had the sign-off the approval policy asks; violating: it did not. */
  bySignOff: { compliant: FailureCount; violating: FailureCount };
  /** Median and p90 of ttmMinutes of the incidents linked to the failed changes. */
  recovery: DurationStats;
};

export type ChangeWeek = ChangeFigures & {
  /** "2026-W10" */
  week: string;
  /** The Monday, a date in the organisation's time zone. */
  start: string;
};

export type ChangeMetrics = { weeks: ChangeWeek[]; total: ChangeFigures };

export const failureCount = (changes: number, failed: number): FailureCount => ({
  changes,
  failed,
  changeFailureRate: changes === 0 ? null : failed / changes,
});

/**
 * One entry per ISO week from `q.from` to `q.to` (the organisation's zone), empty weeks
 * included, and the total over them. A change belongs to the week it was deployed in; it is
 * failed however many incidents name it and whenever they started.
 */
export async function queryChangeMetrics(db: Database, q: MetricsQuery): Promise<ChangeMetrics> {
  const scope = await resolveMetricsScope(db, q.scope);
  const [row] = await db.$queryRaw<ChangeMetricsRow[]>(changeMetricsSql(metricsWindow(q), changeScopeCondition(scope)));
  if (!row) throw new Error("The change metrics query returned no row");
  const figuresOf = (n: number | null): ChangeFigures => {
    const counts = row.counts.filter((c) => c.n === n);
    const of = (match: (c: ChangeCountRow) => boolean) => {
      const found = counts.find(match);
      return failureCount(found?.changes ?? 0, found?.failed ?? 0);
    };
    return {
      ...of((c) => c.ai === null && c.violating === null),
      byAi: Object.fromEntries(AI_INVOLVEMENTS.map((group) => [group, of((c) => c.ai === group)])) as Record<AiGroup, FailureCount>,
      bySignOff: { compliant: of((c) => c.violating === false), violating: of((c) => c.violating === true) },
      recovery: durationStats(row.recovery.find((r) => r.n === n)?.ttm ?? null),
    };
  };
  return { weeks: row.weeks.map((w) => ({ week: w.week, start: w.start, ...figuresOf(w.n) })), total: figuresOf(null) };
}

/** The changes with any AI involvement (assisted, generated or agent) as one group. */
export function aiInvolvedCount(figures: Pick<ChangeFigures, "byAi">): FailureCount {
  const groups = AI_INVOLVEMENTS.filter((group) => group !== "NONE").map((group) => figures.byAi[group]);
  return failureCount(
    groups.reduce((sum, g) => sum + g.changes, 0),
    groups.reduce((sum, g) => sum + g.failed, 0),
  );
}
