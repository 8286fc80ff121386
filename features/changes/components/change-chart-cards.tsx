import { SuspendedChart } from "@/components/charts/suspended-chart";
import type { ChartContext } from "@/features/metrics/charts/weekly-chart-specs";
import { failureRateByAiChart, failureRateBySignOffChart, recoveryChart, withoutSignOffChart } from "../change-chart-specs";
import type { ChangeWeek } from "../metrics";

const CHARTS = {
  failureRateByAi: { title: "Change failure rate by AI involvement", spec: failureRateByAiChart },
  failureRateBySignOff: { title: "Change failure rate by sign-off", spec: failureRateBySignOffChart },
  recovery: { title: "Recovery time of failed changes", spec: recoveryChart },
  withoutSignOff: { title: "Changes shipped without the required sign-off", spec: withoutSignOffChart },
} as const;

export type ChangeChartName = keyof typeof CHARTS;

/** One change-risk chart card, drawn once the page's change figures come, with a skeleton until then. */
export function ChangeChart({ name, weeks, context }: { name: ChangeChartName; weeks: Promise<ChangeWeek[]>; context: ChartContext }) {
  const { title, spec } = CHARTS[name];
  return <SuspendedChart title={title} spec={weeks.then((w) => spec(w, context))} />;
}
