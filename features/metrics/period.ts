// The figures of a whole period (the executive summary): medians over all the period's
// incidents and impact merged over the whole period, not sums or means of the weeks.
import type { Database } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { addDays } from "@/lib/time/iso-week";
import { minutesOf } from "./cells/cell";
import { periodTotals } from "./cells/periods";
import { resolveMetricsScope, scopeCondition } from "./scope";
import {
  aiShareOf,
  coveredMinutes,
  durationStats,
  impactCandidates,
  impactInterval,
  incidentCountsOf,
  incidentFigures,
  metricsWindow,
  availabilityOf,
  elapsedMinutes,
  windowEnd,
  windowStart,
  type IncidentFiguresRow,
  type MetricsWindow,
} from "./sql";
import type { MetricsQuery, PeriodSummary } from "./types";

const { sql } = Prisma;

type PeriodRow = IncidentFiguresRow & { from: string; to: string; weeks: number; minutes: number; impact_minutes: number };

/** The period's figures from its week cells: counts and impact added, durations over every incident of the period. */
export async function queryPeriodSummary(db: Database, q: MetricsQuery): Promise<PeriodSummary> {
  const window = metricsWindow(q);
  const { weeks, minutes, total, stats } = await periodTotals(db, window, await resolveMetricsScope(db, q.scope));
  const impactMinutes = minutesOf(total.impactUs);
  return {
    from: window.fromMonday,
    to: addDays(window.toMonday, 6),
    weeks,
    incidents: total.incidents,
    sev1: total.sev1,
    sev2: total.sev2,
    aiInvolved: total.aiInvolved,
    aiShare: aiShareOf(total.aiInvolved, total.incidents),
    policyViolations: total.policyViolations,
    impactMinutes,
    availability: availabilityOf(impactMinutes, minutes),
    minutes,
    usersAffected: total.usersAffected,
    ttd: stats.ttd,
    ttm: stats.ttm,
    ttr: stats.ttr,
  };
}

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
