// Keeps the demo's services within their error budgets over the demo year, so that the few the
// named outages overspent stand out in red: an incident only hits a service with room left.
import type { DemoService } from "./catalog";
import { MINUTE } from "./incident";
import type { DemoIncident } from "./types";
import { WEEK_MINUTES } from "./weeks";

/** The share of its yearly budget a service may spend on the ordinary incidents of the year. */
const SPENDABLE_SHARE = 0.75;

export type BudgetTracker = {
  /** Whether an incident of `minutes` may hit the service. */
  eligible(minutes: number): (service: DemoService) => boolean;
  /** Counts the incident's minutes against each of its services. */
  charge(incident: DemoIncident): void;
};

export function budgetTracker(services: readonly DemoService[], weeks: number, now: number): BudgetTracker {
  const used = new Map<string, number>();
  const budget = new Map(services.map((s) => [s.slug, (1 - s.sloTarget) * weeks * WEEK_MINUTES]));
  return {
    eligible: (minutes) => (service) => {
      const spent = used.get(service.slug) ?? 0;
      const allowed = budget.get(service.slug) ?? 0;
      // One already overspent by a named outage has nothing left to protect.
      return spent > allowed || spent + minutes <= allowed * SPENDABLE_SHARE;
    },
    charge(incident) {
      // The plain sum: the merged minutes the service pages show can only be fewer.
      const minutes = ((incident.mitigatedAt?.getTime() ?? now) - incident.startedAt.getTime()) / MINUTE;
      for (const slug of incident.serviceSlugs) used.set(slug, (used.get(slug) ?? 0) + minutes);
    },
  };
}
