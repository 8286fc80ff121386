"use client";

import { Bar, BarChart, CartesianGrid, ComposedChart, Line, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import type { ChartSeries, ChartSpec } from "./chart-types";
import { formatTick } from "@/components/charts/series-format";
import { ChartTooltip } from "./chart-tooltip";
import { FRAME_COLOURS } from "./palette";

import { CHART_HEIGHT } from "./chart-size";
const axisTick = { fontSize: 11, fill: FRAME_COLOURS.axis };
export const REFERENCE_COLOUR = FRAME_COLOURS.reference;
const colour = (s: ChartSeries) => `var(--color-${s.key})`;

function seriesMark(s: ChartSeries) {
  const yAxisId = s.axis ?? "left";
  if (s.mark === "bar") {
    return <Bar key={s.key} dataKey={s.key} name={s.label} yAxisId={yAxisId} stackId={s.stack} fill={colour(s)} isAnimationActive={false} maxBarSize={28} />;
  }
  return (
    <Line
      key={s.key}
      dataKey={s.key}
      name={s.label}
      yAxisId={yAxisId}
      type="linear"
      stroke={colour(s)}
      strokeWidth={2}
      strokeDasharray={s.dashed ? "5 4" : undefined}
      dot={{ r: 2.5, fill: colour(s) }}
      activeDot={{ r: 4 }}
      connectNulls={false}
      isAnimationActive={false}
    />
  );
}

/** Draws a weekly series over time: bars, stacked bars and lines, with an optional second axis and target line. */
function TimeChart({ spec }: { spec: ChartSpec }) {
  const left = spec.series.find((s) => (s.axis ?? "left") === "left") ?? spec.series[0]!;
  const right = spec.series.find((s) => s.axis === "right");
  const xKey = spec.dimensions[0]?.key ?? "week";
  const ticks = spec.valueTicks;
  return (
    <ComposedChart responsive data={spec.rows} style={{ width: "100%", height: CHART_HEIGHT }} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
      <CartesianGrid vertical={false} stroke={FRAME_COLOURS.grid} />
      <XAxis dataKey={xKey} tick={axisTick} tickFormatter={(week: string) => week.replace(/^\d{4}-/, "")} minTickGap={12} />
      <YAxis
        yAxisId="left"
        tick={axisTick}
        width={64}
        domain={ticks ? [ticks[0]!, ticks.at(-1)!] : [0, "auto"]}
        ticks={ticks}
        allowDataOverflow={ticks !== undefined}
        allowDecimals={left.format !== "count"}
        tickFormatter={(v: number) => formatTick(v, left.format, ticks?.at(-1))}
      />
      {right && (
        <YAxis yAxisId="right" orientation="right" tick={axisTick} width={48} domain={[0, 1]} tickFormatter={(v: number) => formatTick(v, right.format)} />
      )}
      <Tooltip content={<ChartTooltip spec={spec} />} cursor={{ fill: FRAME_COLOURS.cursor }} />
      {/* Named in the legend: a label inside the plot would collide with the top edge near 100 %. */}
      {spec.reference && <ReferenceLine yAxisId="left" y={spec.reference.value} stroke={REFERENCE_COLOUR} strokeDasharray="4 3" />}
      {spec.series.map(seriesMark)}
    </ComposedChart>
  );
}

/** One horizontal bar per category (root causes, blast radius, services). */
function CategoryChart({ spec }: { spec: ChartSpec }) {
  const series = spec.series[0]!;
  const categoryKey = spec.dimensions[0]?.key ?? "category";
  const height = Math.max(CHART_HEIGHT, spec.rows.length * 26 + 24);
  return (
    <BarChart responsive layout="vertical" data={spec.rows} style={{ width: "100%", height }} margin={{ top: 4, right: 16, bottom: 0, left: 0 }}>
      <CartesianGrid horizontal={false} stroke={FRAME_COLOURS.grid} />
      <XAxis
        type="number"
        tick={axisTick}
        allowDecimals={false}
        domain={spec.valueTicks ? [0, spec.valueTicks.at(-1)!] : [0, "auto"]}
        ticks={spec.valueTicks}
        tickFormatter={(v: number) => formatTick(v, series.format, spec.valueTicks?.at(-1))}
      />
      <YAxis type="category" dataKey={categoryKey} tick={axisTick} width={150} interval={0} />
      <Tooltip content={<ChartTooltip spec={spec} />} cursor={{ fill: FRAME_COLOURS.cursor }} />
      <Bar dataKey={series.key} name={series.label} fill={colour(series)} isAnimationActive={false} maxBarSize={20} />
    </BarChart>
  );
}

/** Draws the chart a spec describes. The numbers come computed from the server; nothing is derived here. */
export function MetricChart({ spec }: { spec: ChartSpec }) {
  return spec.layout === "time" ? <TimeChart spec={spec} /> : <CategoryChart spec={spec} />;
}
