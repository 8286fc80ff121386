// AI-involved incidents against the others over a period, from incidents alone (the executive
// summary, beside the change failure rate): impact, Sev1 share and time to mitigate.
import type { Database } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { minutesOf } from "./cells/cell";
import { periodTotals } from "./cells/periods";
import { resolveMetricsScope, scopeCondition } from "./scope";
import {
  coveredMinutes,
  durationStats,
  impactCandidates,
  impactInterval,
  medianAndP90,
  metricsWindow,
  windowEnd,
  windowStart,
  type MetricsWindow,
} from "./sql";
import type { DurationStats, MetricsQuery } from "./types";

const { sql } = Prisma;

export type IncidentGroupFigures = {
  /** Incidents that started in the period. */
  incidents: number;
  sev1: number;
  /** sev1 ÷ incidents; null with no incidents. */
  sev1Share: number | null;
  /** Minutes of the period in which at least one incident of the group hurt customers (merged, clipped). */
  impactMinutes: number;
  ttm: DurationStats;
};

export type AiIncidentComparison = { aiInvolved: IncidentGroupFigures; other: IncidentGroupFigures };

type GroupRow = { ai_involved: boolean; incidents: number; sev1: number; ttm: number[] | null; impact_minutes: number };

const groupFigures = (incidents: number, sev1: number, impactUs: number, ttm: DurationStats): IncidentGroupFigures => ({
  incidents,
  sev1,
  sev1Share: incidents === 0 ? null : sev1 / incidents,
  impactMinutes: minutesOf(impactUs),
  ttm,
});

/** Both groups from the period's week cells. */
export async function queryAiIncidentComparison(db: Database, q: MetricsQuery): Promise<AiIncidentComparison> {
  const { total: t, stats } = await periodTotals(db, metricsWindow(q), await resolveMetricsScope(db, q.scope));
  return {
    aiInvolved: groupFigures(t.aiInvolved, t.aiSev1, t.aiImpactUs, stats.ttmAi),
    other: groupFigures(t.incidents - t.aiInvolved, t.sev1 - t.aiSev1, t.otherImpactUs, stats.ttmOther),
  };
}

/** The same comparison computed from every incident of the period: the definition the cells are tested against. */
export async function queryAiIncidentComparisonFromScratch(db: Database, q: MetricsQuery): Promise<AiIncidentComparison> {
  const scope = await resolveMetricsScope(db, q.scope);
  const rows = await db.$queryRaw<GroupRow[]>(aiIncidentComparisonSql(metricsWindow(q), scopeCondition(scope)));
  const figuresOf = (aiInvolved: boolean): IncidentGroupFigures => {
    const row = rows.find((r) => r.ai_involved === aiInvolved);
    const incidents = row?.incidents ?? 0;
    const sev1 = row?.sev1 ?? 0;
    return {
      incidents,
      sev1,
      sev1Share: incidents === 0 ? null : sev1 / incidents,
      impactMinutes: row?.impact_minutes ?? 0,
      ttm: durationStats(row?.ttm ?? null),
    };
  };
  return { aiInvolved: figuresOf(true), other: figuresOf(false) };
}

/**
 * Both groups in one statement: counts and TTM over the incidents started in the period, and
 * each group's impact union (incidents started before but still open count too) clipped to it.
 */
export function aiIncidentComparisonSql(window: MetricsWindow, scope: Prisma.Sql): Prisma.Sql {
  const period = sql`tstzmultirange(tstzrange(${windowStart(window)}, ${windowEnd(window)}))`;
  return sql`
    WITH started AS (
      SELECT i.ai_involvement <> 'NONE' AS ai_involved, count(*)::int AS incidents, count(*) FILTER (WHERE i.severity = 'SEV1')::int AS sev1,
        ${medianAndP90(sql`i.mitigated_at`)} AS ttm
      FROM incidents i
      WHERE i.started_at >= ${windowStart(window)} AND i.started_at < ${windowEnd(window)} AND ${scope}
      GROUP BY 1
    ),
    impact AS (
      SELECT i.ai_involvement <> 'NONE' AS ai_involved, range_agg(${impactInterval(window.now)}) * ${period} AS covered
      FROM (${impactCandidates(window, scope)}) AS candidate JOIN incidents i ON i.id = candidate.id
      GROUP BY 1
    )
    SELECT g.ai_involved, s.incidents, s.sev1, s.ttm, ${coveredMinutes(sql`m.covered`)} AS impact_minutes
    FROM (VALUES (true), (false)) AS g(ai_involved) LEFT JOIN started s USING (ai_involved) LEFT JOIN impact m USING (ai_involved)`;
}
