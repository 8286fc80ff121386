import type { Metadata } from "next";
import { Suspense } from "react";
import Link from "next/link";
import { aiInvolvedCount, queryChangeMetrics } from "@/features/changes/metrics";
import { compareChangeFailure } from "@/features/changes/metrics-comparison";
import { AiChangeRisk } from "@/features/changes/components/ai-change-risk";
import { comparisonWords } from "@/features/metrics/comparison-words";
import { HeadlineTile } from "@/features/metrics/components/headline-tile";
import { buildHeadlines } from "@/features/metrics/headlines";
import { PeriodControls } from "@/features/metrics/components/period-controls";
import { LinkProblems } from "@/components/ui/link-problems";
import { metricsHref, periodLinkOf } from "@/features/metrics/period-url";
import { loadAiIncidentComparison, loadPeriodComparison, loadTrendsContext, loadWeeklyMetrics, queryKey } from "@/features/metrics/queries";
import { previousPeriod, weekCount } from "@/features/metrics/params";
import { readScopeOptions } from "@/features/services/queries";
import { FOLLOW_THROUGH_CHARTS, FollowThroughChart } from "@/features/follow-through/components/follow-through-charts";
import { FollowThroughSummary } from "@/features/follow-through/components/follow-through-summary";
import { loadFollowThrough } from "@/features/follow-through/queries";
import { requirePageActor } from "@/lib/auth/guards";
import { db } from "@/lib/db";

export const metadata: Metadata = { title: "Executive summary" };
export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

// On paper: no navigation (the layout hides it), margins that fit both A4 and Letter, and
// type a little smaller, with the headlines four abreast (sparklines scaled to their column),
// so the change-risk block and all eight headlines fit one page.
const PRINT_CSS =
  "@page { size: auto; margin: 12mm; } @media print { html { font-size: 14px; } [role=img] > .recharts-wrapper, [role=img] svg.recharts-surface { max-width: 100%; height: auto; } }";

export default async function ExecutiveSummaryPage({ searchParams }: { searchParams: SearchParams }) {
  await requirePageActor("incident:read");
  const context = await loadTrendsContext(await searchParams, await readScopeOptions());
  const { query, period } = context;
  const before = previousPeriod(period.from, period.to);
  const followThrough = loadFollowThrough(query);
  const [{ current, previous, running }, weeks, changes, aiIncidents] = await Promise.all([
    loadPeriodComparison(queryKey(query)),
    loadWeeklyMetrics(queryKey(query)),
    queryChangeMetrics(db, query),
    loadAiIncidentComparison(queryKey(query)),
  ]);
  const weeksCount = weekCount(period.from, period.to);
  const headlines = buildHeadlines(current, previous.kind === "no-earlier-data" ? null : previous.summary, weeks, context.chart.sloTarget);
  const compared = comparisonWords(previous, { to: period.to, weeks: weeksCount, running }, before, context.chart.timeZone);
  return (
    <>
      <div className="space-y-5 print:space-y-3">
        <style>{PRINT_CSS}</style>
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <div className="space-y-1">
            <h1 className="text-2xl font-bold">Executive summary</h1>
            <p className="text-sm text-slate-600">
              {weeksCount} weeks: {context.periodText} · {context.scopeText} · {compared.summary}
            </p>
          </div>
          <Link href={metricsHref("/dashboard", periodLinkOf(period))} className="text-sm font-semibold text-indigo-700 hover:underline print:hidden">
            Open the dashboard →
          </Link>
        </div>
        <PeriodControls path="/executive" period={period} teams={context.teams} services={context.services} />
        <LinkProblems errors={context.errors} />
        <AiChangeRisk comparison={compareChangeFailure(aiInvolvedCount(changes.total), changes.total.byAi.NONE, running)} incidents={aiIncidents} />
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4 print:grid-cols-4 print:gap-2">
          {headlines.map((headline) => (
            <HeadlineTile key={headline.key} headline={headline} previousLabel={compared.tileLabel} soFar={running} />
          ))}
        </div>
        <p className="text-xs text-slate-500">
          Weeks are ISO weeks, Monday to Monday in {context.chart.timeZone}. Green is better than the previous period, red is worse; the AI-involved share is
          shown without judgement. Sparklines: one point per week of the period.
        </p>
      </div>
      {/* Screen only, and outside the block above so that paper keeps its spacing: the summary prints on one page, and even the sentences would make it two. */}
      <section aria-label="Follow-through" className="mt-5 space-y-3 print:hidden">
        <h2 className="text-base font-semibold text-slate-800">Follow-through</h2>
        <Suspense fallback={<p className="text-sm text-slate-500">Counting action items…</p>}>
          <FollowThroughSummary figures={followThrough} />
        </Suspense>
        <div className="grid gap-4 lg:grid-cols-2 [&>*]:min-w-0">
          {FOLLOW_THROUGH_CHARTS.map((name) => (
            <FollowThroughChart key={name} name={name} figures={followThrough} context={context.chart} />
          ))}
        </div>
      </section>
    </>
  );
}
