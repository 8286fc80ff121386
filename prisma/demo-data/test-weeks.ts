// The figures the app shows, computed from generated demo data with the app's own rules
// (docs/metrics.md): impact intervals merged and clipped, the running week counted up to now,
// the error budget as the service pages judge it. For the demo data's tests.
import { errorBudget } from "../../features/services/error-budget";
import { coveredMinutes, type Interval } from "../../lib/metrics/intervals";
import { addWeeks, isoWeekOf, isoWeekStartInstant } from "../../lib/time/iso-week";
import type { DemoData, DemoIncident } from "./types";

export type DemoWeek = { start: number; end: number; minutes: number; impactMinutes: number; availability: number };

const impactOf = (incidents: readonly DemoIncident[], now: Date): Interval[] =>
  incidents.map((i) => ({ start: i.startedAt.getTime(), end: (i.mitigatedAt ?? now).getTime() }));

/** The last `count` ISO weeks (UTC) up to the one holding `now`, with their organisation-wide availability. */
export function demoWeeks(incidents: readonly DemoIncident[], now: Date, count = 52): DemoWeek[] {
  const current = isoWeekOf(now, "UTC");
  const intervals = impactOf(incidents, now);
  return Array.from({ length: count }, (_, i) => {
    const week = addWeeks(current, i - count + 1);
    const start = isoWeekStartInstant(week, "UTC").getTime();
    const end = isoWeekStartInstant(addWeeks(week, 1), "UTC").getTime();
    const elapsedEnd = Math.min(end, now.getTime());
    const minutes = Math.max(0, (elapsedEnd - start) / 60_000);
    const impactMinutes = minutes > 0 ? coveredMinutes(intervals, { start, end: elapsedEnd }) : 0;
    return { start, end, minutes, impactMinutes, availability: minutes > 0 ? 1 - impactMinutes / minutes : 1 };
  });
}

/** The services whose error budget the last `weeks` weeks overspent, as the services page shows them. */
export function overspentServices(data: DemoData, now: Date, weeks: number): string[] {
  const current = isoWeekOf(now, "UTC");
  const start = isoWeekStartInstant(addWeeks(current, 1 - weeks), "UTC").getTime();
  const end = isoWeekStartInstant(addWeeks(current, 1), "UTC").getTime();
  return data.services
    .filter((service) => {
      const own = impactOf(
        data.incidents.filter((i) => i.serviceSlugs.includes(service.slug)),
        now,
      );
      const impactMinutes = coveredMinutes(own, { start, end });
      return errorBudget({ sloTarget: service.sloTarget, periodMinutes: (end - start) / 60_000, impactMinutes }).overspent;
    })
    .map((service) => service.slug);
}
