import { parseMetricsPeriod } from "@/features/metrics/params";
import { queryWeeklyMetrics } from "@/features/metrics/queries";
import { getOrganisationSettings } from "@/features/settings/queries";
import { db } from "@/lib/db";
import { ValidationError } from "@/lib/errors";
import { apiRoute } from "@/lib/http/api-route";

export const dynamic = "force-dynamic";

/**
 * Week-by-week figures (SPEC, Metric definitions): `{ weeks: [...] }`, one entry for every
 * ISO week of the organisation's zone that overlaps [from, to] (dates, both required), empty
 * weeks included; `team` or `service` (slugs) narrow the incidents. The same numbers as the
 * trends charts: both read queryWeeklyMetrics.
 */
export const GET = apiRoute("incident:read", async (request) => {
  const { timeZone } = await getOrganisationSettings(db);
  const period = parseMetricsPeriod(new URL(request.url).searchParams, { timeZone, now: new Date(), requireDates: true });
  if (Object.keys(period.errors).length > 0) throw new ValidationError(period.errors);
  const weeks = await queryWeeklyMetrics(db, { from: period.from, to: period.to, timeZone, scope: period.scope });
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
