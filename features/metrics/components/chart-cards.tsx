import { Suspense } from "react";
import { ChartFigure } from "@/components/charts/chart-figure";
import { ChartSkeleton } from "@/components/charts/chart-skeleton";
import type { MetricsQuery } from "../types";
import { blastRadiusChart, rootCauseChart, topServicesChart } from "./breakdown-chart-specs";
import { loadBlastRadiusCounts, loadChangeMetrics, loadRootCauseCounts, loadTopServices, loadWeeklyMetrics, queryKey } from "./card-data";
import { failureRateByAiChart, failureRateBySignOffChart, recoveryChart, withoutSignOffChart } from "./change-chart-specs";
import { aiChart, availabilityChart, detectMitigateChart, impactChart, resolveChart, severityChart, type ChartContext } from "./weekly-chart-specs";

const WEEKLY = {
  severity: severityChart,
  impact: impactChart,
  availability: availabilityChart,
  detectMitigate: detectMitigateChart,
  resolve: resolveChart,
  ai: aiChart,
} as const;
const CHANGES = {
  failureRateByAi: failureRateByAiChart,
  failureRateBySignOff: failureRateBySignOffChart,
  recovery: recoveryChart,
  withoutSignOff: withoutSignOffChart,
} as const;
const TITLES = {
  severity: "Sev1 and Sev2 incidents per week",
  impact: "Customer impact minutes per week",
  availability: "Availability per week against the SLO",
  detectMitigate: "Time to detect and to mitigate",
  resolve: "Time to resolve",
  ai: "AI share of incidents and policy violations",
  rootCause: "Root-cause categories",
  blastRadius: "Blast radius distribution",
  topServices: "Services with the most impact minutes",
  failureRateByAi: "Change failure rate by AI involvement",
  failureRateBySignOff: "Change failure rate by sign-off",
  recovery: "Recovery time of failed changes",
  withoutSignOff: "Changes shipped without the required sign-off",
} as const;

export type ChartName = keyof typeof TITLES;

async function ChartCard({ name, query, context }: { name: ChartName; query: MetricsQuery; context: ChartContext }) {
  const key = queryKey(query);
  if (name in WEEKLY) return <ChartFigure spec={WEEKLY[name as keyof typeof WEEKLY](await loadWeeklyMetrics(key), context)} />;
  if (name in CHANGES) return <ChartFigure spec={CHANGES[name as keyof typeof CHANGES]((await loadChangeMetrics(key)).weeks, context)} />;
  if (name === "rootCause") return <ChartFigure spec={rootCauseChart(await loadRootCauseCounts(key), context)} />;
  if (name === "blastRadius") return <ChartFigure spec={blastRadiusChart(await loadBlastRadiusCounts(key), context)} />;
  return <ChartFigure spec={topServicesChart(await loadTopServices(key), context)} />;
}

/** One chart card that fetches its own figures, with a skeleton of the same size until they come. */
export function SuspendedChart(props: { name: ChartName; query: MetricsQuery; context: ChartContext }) {
  return (
    <Suspense fallback={<ChartSkeleton title={TITLES[props.name]} />}>
      <ChartCard {...props} />
    </Suspense>
  );
}
