import { CHART_HEIGHT } from "./chart-size";
import { cardClass } from "@/components/ui/card";

/** The place of a chart card while its figures load: same size, so nothing jumps. */
export function ChartSkeleton({ title }: { title: string }) {
  return (
    <div aria-busy="true" aria-label={`${title}: loading`} className={cardClass("sm", "flex flex-col gap-3")}>
      <p className="text-sm font-semibold text-slate-900">{title}</p>
      <div className="animate-pulse rounded-md bg-slate-100" style={{ height: CHART_HEIGHT }} />
      <div className="h-3 w-2/3 animate-pulse rounded bg-slate-100" />
    </div>
  );
}
