import "server-only";
import { listServices, listTeams, type ServiceSummary, type TeamOption } from "@/features/services/queries";
import { getOrganisationSettings } from "@/lib/organisation-settings";
import { db } from "@/lib/db";
import type { FieldErrors } from "@/lib/validation";
import { parseMetricsPeriod, runningWeekOf, type MetricsPeriod, type MetricsSearchParams } from "../params";
import type { MetricsQuery } from "../types";
import { describePeriod, periodFileSuffix } from "./period-url";
import type { ChartContext } from "./weekly-chart-specs";

/** Everything a trends page needs before its cards fetch their figures. */
export type TrendsContext = {
  period: MetricsPeriod;
  query: MetricsQuery;
  chart: ChartContext;
  teams: TeamOption[];
  services: ServiceSummary[];
  errors: FieldErrors;
  periodText: string;
  scopeText: string;
};

/**
 * Reads the period and scope from the URL in the organisation's zone (read on every request,
 * so a new zone re-buckets every figure at once). An unknown team or service slug is
 * reported and dropped rather than failing the page.
 */
export async function loadTrendsContext(searchParams: MetricsSearchParams, now = new Date()): Promise<TrendsContext> {
  const [settings, teams, services] = await Promise.all([getOrganisationSettings(db), listTeams(db), listServices(db)]);
  const period = parseMetricsPeriod(searchParams, { timeZone: settings.timeZone, now });
  const errors: FieldErrors = { ...period.errors };
  const team = teams.find((t) => t.slug === period.scope.team);
  const service = services.find((s) => s.slug === period.scope.service);
  if (period.scope.team && !team) errors.team = [`no team has the slug "${period.scope.team}"`];
  if (period.scope.service && !service) errors.service = [`no service has the slug "${period.scope.service}"`];
  const scope = { ...(team ? { team: team.slug } : {}), ...(service ? { service: service.slug } : {}) };
  const checked = { ...period, scope };
  return {
    period: checked,
    query: { from: period.from, to: period.to, timeZone: settings.timeZone, scope, now },
    chart: {
      fileSuffix: periodFileSuffix(checked),
      timeZone: settings.timeZone,
      sloTarget: service?.sloTarget ?? settings.sloTarget,
      sloOf: service ? `the SLO of ${service.name}` : "the organisation's target",
      runningWeek: runningWeekOf(period, settings.timeZone, now),
    },
    teams,
    services,
    errors,
    periodText: describePeriod(period.from, period.to),
    scopeText: [team && `team ${team.name}`, service && `service ${service.name}`].filter(Boolean).join(", ") || "all services",
  };
}
