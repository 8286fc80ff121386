import type { FieldErrors } from "@/lib/validation";
import { parseMetricsPeriod, runningWeekOf, type MetricsPeriod, type MetricsSearchParams } from "@/features/metrics/params";
import type { MetricsQuery } from "@/features/metrics/types";
import { describePeriod, periodFileSuffix } from "@/features/metrics/period-url";
import type { ChartContext } from "@/features/metrics/charts/weekly-chart-specs";

/** The teams and services a trends page can be scoped to, as the page passes them in. */
export type TeamOption = { slug: string; name: string };
export type ServiceOption = { slug: string; name: string; sloTarget: number; team: { name: string } };
export type ScopeOptions = { teams: TeamOption[]; services: ServiceOption[] };

/** Everything a trends page needs before its cards fetch their figures. */
export type TrendsContext = {
  period: MetricsPeriod;
  query: MetricsQuery;
  chart: ChartContext;
  teams: TeamOption[];
  services: ServiceOption[];
  errors: FieldErrors;
  periodText: string;
  scopeText: string;
};

/**
 * Reads the period and scope from the URL in the organisation's zone (read on every request,
 * so a new zone re-buckets every figure at once). An unknown team or service slug is
 * reported and dropped rather than failing the page.
 */
export function trendsContextOf(
  searchParams: MetricsSearchParams,
  settings: { timeZone: string; sloTarget: number },
  { teams, services }: ScopeOptions,
  now: Date,
): TrendsContext {
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
