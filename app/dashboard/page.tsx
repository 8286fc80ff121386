import type { Metadata } from "next";
import Link from "next/link";
import { ChangeChart, type ChangeChartName } from "@/features/changes/components/change-chart-cards";
import { queryChangeMetrics } from "@/features/changes/metrics";
import { MetricsChart, type ChartName } from "@/features/metrics/components/chart-cards";
import { PeriodControls } from "@/features/metrics/components/period-controls";
import { LinkProblems } from "@/components/ui/link-problems";
import { loadTrendsContext } from "@/features/metrics/queries";
import { runningWeekNote } from "@/features/metrics/charts/weekly-chart-specs";
import { readScopeOptions } from "@/features/services/queries";
import { FOLLOW_THROUGH_CHARTS, FollowThroughChart, type FollowThroughChartName } from "@/features/follow-through/components/follow-through-charts";
import { loadFollowThrough } from "@/features/follow-through/queries";
import { requirePageActor } from "@/lib/auth/guards";
import { db } from "@/lib/db";

export const metadata: Metadata = { title: "Dashboard" };
export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

type Charts = { incidents: ChartName[] } | { changes: ChangeChartName[] } | { followThrough: FollowThroughChartName[] };
const SECTIONS: ({ title: string } & Charts)[] = [
  { title: "Customer impact", incidents: ["availability", "impact", "severity", "topServices"] },
  { title: "Response times", incidents: ["detectMitigate", "resolve"] },
  { title: "Changes, causes and reach", incidents: ["ai", "rootCause", "blastRadius"] },
  { title: "Change risk", changes: ["failureRateByAi", "failureRateBySignOff", "withoutSignOff", "recovery"] },
  { title: "Follow-through", followThrough: FOLLOW_THROUGH_CHARTS },
];

export default async function DashboardPage({ searchParams }: { searchParams: SearchParams }) {
  await requirePageActor("incident:read");
  const context = await loadTrendsContext(await searchParams, await readScopeOptions());
  // One read of the change figures for the four change-risk cards, awaited by each in its Suspense.
  const changeWeeks = queryChangeMetrics(db, context.query).then((metrics) => metrics.weeks);
  const followThrough = loadFollowThrough(context.query);
  return (
    <div className="space-y-5">
      <div className="space-y-1">
        <h1 className="text-2xl font-bold">Dashboard</h1>
        <p className="text-sm text-slate-600">
          {context.periodText} · {context.scopeText} · weeks in {context.chart.timeZone}
          {context.chart.runningWeek && ` · ${runningWeekNote(context.chart.runningWeek)}`}
        </p>
      </div>
      <PeriodControls path="/dashboard" period={context.period} teams={context.teams} services={context.services} />
      <LinkProblems errors={context.errors} />
      {SECTIONS.map((section) => (
        <section key={section.title} aria-label={section.title} className="space-y-3">
          <h2 className="text-base font-semibold text-slate-800">{section.title}</h2>
          <div className="grid gap-4 lg:grid-cols-2 [&>*]:min-w-0">
            {"incidents" in section
              ? section.incidents.map((name) => <MetricsChart key={name} name={name} query={context.query} context={context.chart} />)
              : "changes" in section
                ? section.changes.map((name) => <ChangeChart key={name} name={name} weeks={changeWeeks} context={context.chart} />)
                : section.followThrough.map((name) => <FollowThroughChart key={name} name={name} figures={followThrough} context={context.chart} />)}
          </div>
        </section>
      ))}
      <p className="text-xs text-slate-500">
        The same figures, for scripts:{" "}
        <Link href="/api-docs" className="font-semibold text-indigo-700 underline">
          API reference
        </Link>
        .
      </p>
    </div>
  );
}
