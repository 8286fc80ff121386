// The week-by-week figures: the trends charts, GET /api/v1/metrics/weekly and the weekly
// review's METRICS item all read them from here.
import type { Database } from "@/lib/db/client";
import { minutesOf, type WindowWeek } from "./cells/cell";
import { windowCells } from "./cells/weeks";
import { resolveMetricsScope } from "./scope";
import { aiShareOf, availabilityOf, metricsWindow } from "./sql";
import type { MetricsQuery, WeekMetrics } from "./types";

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
