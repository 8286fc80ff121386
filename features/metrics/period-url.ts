import { addDays, formatIsoWeek, isoWeekStartDate, type IsoWeek } from "@/lib/time/iso-week";
import type { MetricsPeriod } from "@/features/metrics/params";

/** What a trends URL says: a preset range or from/to dates, and the scope. */
export type PeriodLink = { range?: number; from?: string; to?: string; team?: string; service?: string };

export function metricsHref(path: string, link: PeriodLink): string {
  const search = new URLSearchParams();
  if (link.from) search.set("from", link.from);
  if (link.to) search.set("to", link.to);
  if (!link.from && !link.to && link.range !== undefined) search.set("range", String(link.range));
  if (link.team) search.set("team", link.team);
  if (link.service) search.set("service", link.service);
  const query = search.toString();
  return query ? `${path}?${query}` : path;
}

/** The Sunday that ends an ISO week, as YYYY-MM-DD. */
export const weekEndDate = (week: IsoWeek) => addDays(isoWeekStartDate(week), 6);

/** The URL form of a parsed period, so links keep the current choice. */
export function periodLinkOf(period: MetricsPeriod): PeriodLink {
  const dates = period.range === "custom" ? { from: isoWeekStartDate(period.from), to: weekEndDate(period.to) } : { range: period.range };
  return { ...dates, team: period.scope.team, service: period.scope.service };
}

const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
const day = (date: string) => dateFormat.format(new Date(`${date}T00:00:00Z`));

/** "2026-W01 – 2026-W13 (29 Dec 2025 – 29 Mar 2026)" */
export function describePeriod(from: IsoWeek, to: IsoWeek): string {
  return `${formatIsoWeek(from)} – ${formatIsoWeek(to)} (${day(isoWeekStartDate(from))} – ${day(weekEndDate(to))})`;
}

/** For CSV file names: "2026-W01_2026-W13", with the scope when there is one. */
export function periodFileSuffix(period: Pick<MetricsPeriod, "from" | "to" | "scope">): string {
  const scope = [period.scope.team && `team-${period.scope.team}`, period.scope.service && `service-${period.scope.service}`].filter(Boolean);
  return [formatIsoWeek(period.from), formatIsoWeek(period.to), ...scope].join("_");
}
