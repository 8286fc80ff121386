"use client";

import { useId, useState } from "react";
import { chartConfigOf, colourVariables, type ChartSpec } from "./chart-types";
import { ChartTable } from "./chart-table";
import { chartCsv } from "@/components/charts/series-format";
import { MetricChart, REFERENCE_COLOUR } from "./metric-chart";
import { cardClass } from "@/components/ui/card";

type View = "chart" | "table";

function downloadCsv(spec: ChartSpec) {
  const url = URL.createObjectURL(new Blob([chartCsv(spec)], { type: "text/csv;charset=utf-8" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = spec.fileName;
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}

function LegendMark({ colour, line, dashed }: { colour: string; line?: boolean; dashed?: boolean }) {
  if (!line) return <span aria-hidden className="inline-block h-2.5 w-2.5 rounded-sm" style={{ background: colour }} />;
  return <span aria-hidden className="inline-block w-4 border-t-2" style={{ borderColor: colour, borderTopStyle: dashed ? "dashed" : "solid" }} />;
}

const tabClass = (selected: boolean) =>
  `rounded px-2 py-0.5 text-xs font-semibold ${selected ? "bg-white text-slate-900 shadow-sm" : "text-slate-600 hover:text-slate-900"}`;

/**
 * A chart card: its title and definition, the chart or the table of the same numbers (a tab
 * each), and a CSV of them. The figure is named by its title.
 */
export function ChartFigure({ spec }: { spec: ChartSpec }) {
  const [view, setView] = useState<View>("chart");
  const id = useId();
  const config = chartConfigOf(spec);
  const empty = spec.rows.length === 0;
  return (
    <figure aria-labelledby={`${id}-title`} className={cardClass("sm", "flex flex-col gap-3 break-inside-avoid")} style={colourVariables(config)}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h3 id={`${id}-title`} className="text-sm font-semibold text-slate-900">
          {spec.title}
        </h3>
        <div className="flex items-center gap-2 print:hidden">
          <div role="tablist" aria-label={`${spec.title}: view`} className="flex rounded-md bg-slate-100 p-0.5">
            {(["chart", "table"] as const).map((option) => (
              <button
                key={option}
                type="button"
                role="tab"
                id={`${id}-${option}-tab`}
                aria-selected={view === option}
                aria-controls={`${id}-panel`}
                onClick={() => setView(option)}
                className={tabClass(view === option)}
              >
                {option === "chart" ? "Chart" : "Table"}
              </button>
            ))}
          </div>
          <button
            type="button"
            onClick={() => downloadCsv(spec)}
            disabled={empty}
            className="rounded-md border border-slate-300 bg-white px-2 py-0.5 text-xs font-semibold text-slate-700 hover:bg-slate-50 disabled:opacity-50"
          >
            Download CSV
          </button>
        </div>
      </div>
      <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-${view}-tab`}>
        {empty ? (
          <p className="flex h-40 items-center justify-center rounded-md border border-dashed border-slate-200 text-sm text-slate-500">
            {spec.emptyMessage ?? "No data in this period."}
          </p>
        ) : view === "chart" ? (
          <MetricChart spec={spec} />
        ) : (
          <ChartTable spec={spec} />
        )}
      </div>
      {spec.layout === "time" && (spec.series.length > 1 || spec.reference) && view === "chart" && (
        <ul aria-label="Legend" className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600">
          {spec.series.map((s) => (
            <li key={s.key} className="flex items-center gap-1.5">
              <LegendMark colour={`var(--color-${s.key})`} line={s.mark === "line"} dashed={s.dashed} />
              {s.label}
              {s.axis === "right" ? " (right axis)" : ""}
            </li>
          ))}
          {spec.reference && (
            <li className="flex items-center gap-1.5">
              <LegendMark colour={REFERENCE_COLOUR} line dashed />
              {spec.reference.label}
            </li>
          )}
        </ul>
      )}
      <figcaption className="text-xs leading-relaxed text-slate-500">{spec.definition}</figcaption>
    </figure>
  );
}
