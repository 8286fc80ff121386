import { metricsQueryOfRequest } from "@/features/metrics/api-query";
import { queryWeeklyMetrics } from "@/features/metrics/reads";
import { db } from "@/lib/db";
import { apiRoute } from "@/lib/http/api-route";

export const dynamic = "force-dynamic";

/**
 * Week-by-week figures (docs/metrics.md): `{ weeks: [...] }`, one entry for every
 * ISO week of the organisation's zone that overlaps [from, to] (dates, both required), empty
 * weeks included; `team` or `service` (slugs) narrow the incidents. The same numbers as the
 * trends charts: both read queryWeeklyMetrics.
 */
export const GET = apiRoute("incident:read", async (request) => {
  const weeks = await queryWeeklyMetrics(db, await metricsQueryOfRequest(db, request));
  return Response.json({
    weeks: weeks.map((w) => ({
      week: w.week,
      start: w.start,
      incidents: w.incidents,
      sev1: w.sev1,
      sev2: w.sev2,
      aiInvolved: w.aiInvolved,
      aiShare: w.aiShare,
      policyViolations: w.policyViolations,
      usersAffected: w.usersAffected,
      impactMinutes: w.impactMinutes,
      availability: w.availability,
      ttd: w.ttd,
      ttm: w.ttm,
      ttr: w.ttr,
    })),
  });
});
