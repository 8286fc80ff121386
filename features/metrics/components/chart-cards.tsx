import type { ChartSpec } from "@/components/charts/chart-types";
import { SuspendedChart } from "@/components/charts/suspended-chart";
import { blastRadiusChart, rootCauseChart, topServicesChart } from "../charts/breakdown-chart-specs";
import { aiChart, availabilityChart, detectMitigateChart, impactChart, resolveChart, severityChart, type ChartContext } from "../charts/weekly-chart-specs";
import { loadBlastRadiusCounts, loadRootCauseCounts, loadTopServices, loadWeeklyMetrics, queryKey } from "../queries";
import type { MetricsQuery } from "../types";

const WEEKLY = {
  severity: severityChart,
  impact: impactChart,
  availability: availabilityChart,
  detectMitigate: detectMitigateChart,
  resolve: resolveChart,
  ai: aiChart,
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
} as const;

export type ChartName = keyof typeof TITLES;

async function specOf(name: ChartName, query: MetricsQuery, context: ChartContext): Promise<ChartSpec> {
  const key = queryKey(query);
  if (name in WEEKLY) return WEEKLY[name as keyof typeof WEEKLY](await loadWeeklyMetrics(key), context);
  if (name === "rootCause") return rootCauseChart(await loadRootCauseCounts(key), context);
  if (name === "blastRadius") return blastRadiusChart(await loadBlastRadiusCounts(key), context);
  return topServicesChart(await loadTopServices(key), context);
}

/** One incident chart card that fetches its own figures, with a skeleton until they come. */
export function MetricsChart({ name, query, context }: { name: ChartName; query: MetricsQuery; context: ChartContext }) {
  return <SuspendedChart title={TITLES[name]} spec={specOf(name, query, context)} />;
}
