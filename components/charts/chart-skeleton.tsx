import { CHART_HEIGHT } from "./chart-size";

/** The place of a chart card while its figures load: same size, so nothing jumps. */
export function ChartSkeleton({ title }: { title: string }) {
  return (
    <div aria-busy="true" aria-label={`${title}: loading`} className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <p className="text-sm font-semibold text-slate-900">{title}</p>
      <div className="animate-pulse rounded-md bg-slate-100" style={{ height: CHART_HEIGHT }} />
      <div className="h-3 w-2/3 animate-pulse rounded bg-slate-100" />
    </div>
  );
}
