import type { Metadata } from "next";
import { PeriodControls } from "@/features/metrics/components/period-controls";
import { LinkProblems } from "@/components/ui/link-problems";
import { loadTrendsContext } from "@/features/metrics/queries";
import { ServiceAvailabilityTable } from "@/features/services/components/service-availability-table";
import { readScopeOptions, readServiceAvailability } from "@/features/services/queries";
import { ServiceCatalogueLinks } from "@/features/services/components/service-catalogue-links";
import { requirePageActor } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";

export const metadata: Metadata = { title: "Services" };
export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function ServicesPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePageActor("incident:read");
  const context = await loadTrendsContext(await searchParams, await readScopeOptions());
  const { from, to, timeZone, now } = context.query;
  const all = await readServiceAvailability({ from, to, timeZone, now });
  const team = context.period.scope.team;
  // Worst first: the services furthest past their error budget lead.
  const services = (team ? all.filter((s) => s.team.slug === team) : all).toSorted((a, b) => a.budget.leftFraction - b.budget.leftFraction);
  const overspent = services.filter((s) => s.budget.overspent).length;
  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="space-y-1">
          <h1 className="text-2xl font-bold">Services</h1>
          <p className="text-sm text-slate-600">
            {context.periodText} · {services.length} services ·{" "}
            {overspent === 0 ? "none has overspent its error budget" : `${overspent} overspent their error budget`}
          </p>
        </div>
        <ServiceCatalogueLinks manage={can(actor.role, "service:manage")} />
      </div>
      <PeriodControls path="/services" period={context.period} teams={context.teams} />
      <LinkProblems errors={context.errors} />
      <ServiceAvailabilityTable services={services} periodText={context.periodText} />
      <p className="text-xs text-slate-500">
        Availability = 1 − impact minutes ÷ minutes in the period (so far, while it runs), where a service&apos;s impact minutes merge the impact of its own
        incidents (start to mitigation, or now while unmitigated). Error budget = (1 − SLO) × minutes in the period; what is left is the budget minus the impact
        minutes, and goes negative when overspent. Weeks are ISO weeks in {timeZone}.
      </p>
    </div>
  );
}
