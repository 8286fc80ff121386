import { HeaderCell, TableHead } from "@/components/ui/table";
import type { ChartSpec } from "./chart-types";
import { formatValue } from "./series-format";

/** The chart's numbers as a table: one row per point, one column per series. */
export function ChartTable({ spec }: { spec: ChartSpec }) {
  return (
    <div className="max-h-72 overflow-auto rounded-md border border-slate-200">
      <table className="min-w-full text-sm">
        <caption className="sr-only">{spec.title}</caption>
        <TableHead sticky>
          {spec.dimensions.map((d) => (
            <HeaderCell key={d.key}>{d.label}</HeaderCell>
          ))}
          {spec.series.map((s) => (
            <HeaderCell key={s.key} align="right">
              {s.label}
            </HeaderCell>
          ))}
        </TableHead>
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
                  <td key={d.key} className="whitespace-nowrap px-3 py-1.5 text-slate-600">
                    {row[d.key]}
                  </td>
                ),
              )}
              {spec.series.map((s) => (
                <td key={s.key} className="whitespace-nowrap px-3 py-1.5 text-right tabular-nums">
                  {formatValue(row[s.key], s.format, s.missing)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
