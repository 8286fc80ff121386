import type { ChartSpec } from "./chart-types";
import { formatValue } from "@/components/charts/series-format";

/** The chart's numbers as a table: one row per point, one column per series. */
export function ChartTable({ spec }: { spec: ChartSpec }) {
  return (
    <div className="max-h-72 overflow-auto rounded-md border border-slate-200">
      <table className="min-w-full text-sm">
        <caption className="sr-only">{spec.title}</caption>
        <thead className="sticky top-0 bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
          <tr>
            {spec.dimensions.map((d) => (
              <th key={d.key} scope="col" className="px-3 py-2">{d.label}</th>
            ))}
            {spec.series.map((s) => (
              <th key={s.key} scope="col" className="px-3 py-2 text-right">{s.label}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {spec.rows.map((row, index) => (
            <tr key={String(row[spec.dimensions[0]?.key ?? ""] ?? index)} className="border-t border-slate-100">
              {spec.dimensions.map((d, column) =>
                column === 0 ? (
                  <th key={d.key} scope="row" className="whitespace-nowrap px-3 py-1.5 text-left font-medium text-slate-800">
                    {row[d.key]}
                    {spec.soFar !== undefined && row[d.key] === spec.soFar && <span className="font-normal text-slate-500"> so far</span>}
                  </th>
                ) : (
                  <td key={d.key} className="whitespace-nowrap px-3 py-1.5 text-slate-600">{row[d.key]}</td>
                ),
              )}
              {spec.series.map((s) => (
                <td key={s.key} className="whitespace-nowrap px-3 py-1.5 text-right tabular-nums">{formatValue(row[s.key], s.format, s.missing)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
