// The figures of a whole period (the executive summary): medians over all the period's
// incidents and impact merged over the whole period, not sums or means of the weeks.
import type { Database } from "@/lib/db/client";
import { addDays } from "@/lib/time/iso-week";
import { minutesOf } from "./cells/cell";
import { periodTotals } from "./cells/periods";
import { resolveMetricsScope } from "./scope";
import { aiShareOf, availabilityOf, metricsWindow } from "./sql";
import type { MetricsQuery, PeriodSummary } from "./types";

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
