import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { MetricsChart } from "@/features/metrics/components/chart-cards";
import { PeriodControls } from "@/features/metrics/components/period-controls";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { LinkProblems } from "@/components/ui/link-problems";
import { loadPeriodSummary, loadTrendsContext, queryKey } from "@/features/metrics/queries";
import { runningWeekNote } from "@/features/metrics/charts/weekly-chart-specs";
import { ServiceBudgetSummary } from "@/features/services/components/service-budget-summary";
import { ServiceIncidents } from "@/features/services/components/service-incidents";
import { serviceErrorBudget } from "@/features/services/error-budget";
import { readRecentServiceIncidents, readScopeOptions, readService } from "@/features/services/queries";
import { RetiredBadge } from "@/features/services/components/retired-badge";
import { requirePageActor } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";

export const dynamic = "force-dynamic";

type Params = Promise<{ slug: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return { title: `Service ${(await params).slug}` };
}

export default async function ServicePage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const actor = await requirePageActor("incident:read");
  const { slug } = await params;
  const service = await readService(slug);
  if (!service) notFound();
  // The page is the service's own dashboard: its scope comes from the path, never the query.
  const context = await loadTrendsContext({ ...(await searchParams), team: undefined, service: service.slug }, await readScopeOptions());
  const [summary, incidents] = await Promise.all([loadPeriodSummary(queryKey(context.query)), readRecentServiceIncidents(service.id, 10)]);
  const budget = serviceErrorBudget(service, summary.impactMinutes, context.query);
  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <div className="space-y-1">
          <Breadcrumbs links={[{ href: "/services", label: "Services" }]} here={service.team.name} />
          <h1 className="text-2xl font-bold">
            {service.name}
            {service.retiredAt && <RetiredBadge />}
          </h1>
          <p className="text-sm text-slate-600">
            {context.periodText} · weeks in {context.chart.timeZone}
            {context.chart.runningWeek && ` · ${runningWeekNote(context.chart.runningWeek)}`}
          </p>
        </div>
        <div className="flex flex-wrap items-baseline gap-4">
          {can(actor.role, "service:manage") && (
            <Link href={`/services/${service.slug}/edit`} className="text-sm font-semibold text-indigo-700 hover:underline">
              Edit service
            </Link>
          )}
          <Link href={`/incidents?service=${encodeURIComponent(service.slug)}`} className="text-sm font-semibold text-indigo-700 hover:underline">
            All incidents of {service.name} →
          </Link>
        </div>
      </div>
      <PeriodControls path={`/services/${service.slug}`} period={{ ...context.period, scope: {} }} />
      <LinkProblems errors={context.errors} />
      <ServiceBudgetSummary budget={budget} incidents={summary.incidents} sev1={summary.sev1} />
      <section aria-label="Week by week" className="grid gap-4 lg:grid-cols-2">
        {(["availability", "impact", "severity", "ai", "detectMitigate", "resolve"] as const).map((name) => (
          <MetricsChart key={name} name={name} query={context.query} context={context.chart} />
        ))}
      </section>
      <section aria-labelledby="recent-incidents" className="space-y-3">
        <h2 id="recent-incidents" className="text-base font-semibold text-slate-800">
          Recent incidents
        </h2>
        <ServiceIncidents incidents={incidents} serviceName={service.name} />
      </section>
    </div>
  );
}
