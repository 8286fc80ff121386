import { SuspendedChart } from "@/components/charts/suspended-chart";
import type { ChartContext } from "@/features/metrics/charts/weekly-chart-specs";
import { dueAndDoneChart, openByAgeChart, repeatsChart } from "../chart-specs";
import type { FollowThrough } from "../reads";

const CHARTS = {
  dueAndDone: { title: "Action items due and done by their due date", spec: (f: FollowThrough, c: ChartContext) => dueAndDoneChart(f.weeks, c) },
  openByAge: { title: "Open action items by age and priority", spec: (f: FollowThrough, c: ChartContext) => openByAgeChart(f.openByAge, c) },
  repeats: { title: "Incidents with a repeat per week", spec: (f: FollowThrough, c: ChartContext) => repeatsChart(f.weeks, c) },
} as const;

export type FollowThroughChartName = keyof typeof CHARTS;
export const FOLLOW_THROUGH_CHARTS = Object.keys(CHARTS) as FollowThroughChartName[];

/** One follow-through card, drawn once the page's follow-through figures come, with a skeleton until then. */
export function FollowThroughChart({ name, figures, context }: { name: FollowThroughChartName; figures: Promise<FollowThrough>; context: ChartContext }) {
  const { title, spec } = CHARTS[name];
  return <SuspendedChart title={title} spec={figures.then((f) => spec(f, context))} />;
}
