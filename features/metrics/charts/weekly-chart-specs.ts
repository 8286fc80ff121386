import type { ChartSpec } from "@/components/charts/chart-types";
import { SERIES_COLOURS } from "@/components/charts/palette";
import { availabilityTicks, minuteTicks } from "@/components/charts/ticks";
import type { DurationStats, WeekMetrics } from "../types";
import { DEFINITIONS, WEEK_DEFINITION, type WeekBelonging } from "./definitions";

export type ChartContext = {
  /** Appended to CSV file names, e.g. "2026-W01_2026-W13_team-payments". */
  fileSuffix: string;
  timeZone: string;
  sloTarget: number;
  /** Whose SLO the reference line is: "organisation" or a service's name. */
  sloOf: string;
  /** The current week when the period holds it: its figures are the week so far. */
  runningWeek?: string | null;
};

const COLOURS = {
  sev1: SERIES_COLOURS.red,
  sev2: SERIES_COLOURS.amber,
  impact: SERIES_COLOURS.indigo,
  availability: SERIES_COLOURS.emerald,
  ttd: SERIES_COLOURS.sky,
  ttm: SERIES_COLOURS.violet,
  ttr: SERIES_COLOURS.slate,
  aiShare: SERIES_COLOURS.violet,
  violations: SERIES_COLOURS.red,
} as const;

const weekDimensions = [
  { key: "week", label: "Week" },
  { key: "start", label: "Starts" },
];

/** Ticks for the value axis, from the largest value any of the chart's series reaches. */
export function withTicks(chart: ChartSpec, ticksUpTo: (max: number) => number[]): ChartSpec {
  const values = chart.rows.flatMap((row) => chart.series.map((s) => row[s.key])).filter((v): v is number => typeof v === "number");
  return { ...chart, valueTicks: ticksUpTo(Math.max(0, ...values)) };
}

/** Ticks for a chart in minutes, on clock steps. */
export const withMinuteTicks = (chart: ChartSpec): ChartSpec => withTicks(chart, minuteTicks);

/** A chart of one point per week: the id names its CSV, the week's definition follows the metric's. */
export function weeklySpec(
  id: string,
  ctx: ChartContext,
  rest: Omit<ChartSpec, "id" | "fileName" | "layout" | "dimensions">,
  belonging?: WeekBelonging,
): ChartSpec {
  const running = ctx.runningWeek && rest.rows.some((row) => row.week === ctx.runningWeek) ? ctx.runningWeek : undefined;
  return {
    id,
    fileName: `${id}_${ctx.fileSuffix}.csv`,
    layout: "time",
    dimensions: weekDimensions,
    ...rest,
    definition: `${rest.definition} ${WEEK_DEFINITION(ctx.timeZone, belonging)}${running ? ` ${runningWeekNote(running)}` : ""}`,
    ...(running ? { soFar: running } : {}),
  };
}

/** Said under every chart whose last week has not ended. */
export const runningWeekNote = (week: string) => `${week} is still running: its figures are so far.`;

export function severityChart(weeks: WeekMetrics[], ctx: ChartContext): ChartSpec {
  return weeklySpec("incidents-by-severity", ctx, {
    title: "Sev1 and Sev2 incidents per week",
    definition: DEFINITIONS.severity,
    series: [
      { key: "sev1", label: "Sev1", color: COLOURS.sev1, format: "count", mark: "bar", stack: "severity" },
      { key: "sev2", label: "Sev2", color: COLOURS.sev2, format: "count", mark: "bar", stack: "severity" },
    ],
    rows: weeks.map((w) => ({ week: w.week, start: w.start, sev1: w.sev1, sev2: w.sev2 })),
  });
}

export function impactChart(weeks: WeekMetrics[], ctx: ChartContext): ChartSpec {
  return withMinuteTicks(
    weeklySpec("impact-minutes", ctx, {
      title: "Customer impact minutes per week",
      definition: DEFINITIONS.impact,
      series: [{ key: "impactMinutes", label: "Impact minutes", color: COLOURS.impact, format: "minutes", mark: "bar" }],
      rows: weeks.map((w) => ({ week: w.week, start: w.start, impactMinutes: w.impactMinutes })),
    }),
  );
}

export function availabilityChart(weeks: WeekMetrics[], ctx: ChartContext): ChartSpec {
  const ticks = availabilityTicks(Math.min(ctx.sloTarget, ...weeks.map((w) => w.availability)));
  return weeklySpec("availability", ctx, {
    title: "Availability per week against the SLO",
    definition: DEFINITIONS.availability(ctx.sloTarget, ctx.sloOf),
    series: [{ key: "availability", label: "Availability", color: COLOURS.availability, format: "availability", mark: "line" }],
    rows: weeks.map((w) => ({ week: w.week, start: w.start, availability: w.availability })),
    reference: { value: ctx.sloTarget, label: `SLO ${Number((ctx.sloTarget * 100).toFixed(4))} %` },
    valueTicks: ticks,
  });
}

export const durationLine = (key: string, label: string, color: string, dashed = false) => ({
  key,
  label,
  color,
  format: "minutes" as const,
  mark: "line" as const,
  dashed,
});

export function detectMitigateChart(weeks: WeekMetrics[], ctx: ChartContext): ChartSpec {
  return withMinuteTicks(
    weeklySpec("time-to-detect-and-mitigate", ctx, {
      title: "Time to detect and to mitigate",
      definition: DEFINITIONS.detectMitigate,
      series: [
        durationLine("ttdMedian", "TTD median", COLOURS.ttd),
        durationLine("ttdP90", "TTD p90", COLOURS.ttd, true),
        durationLine("ttmMedian", "TTM median", COLOURS.ttm),
        durationLine("ttmP90", "TTM p90", COLOURS.ttm, true),
      ],
      rows: weeks.map((w) => ({ week: w.week, start: w.start, ttdMedian: w.ttd.median, ttdP90: w.ttd.p90, ttmMedian: w.ttm.median, ttmP90: w.ttm.p90 })),
    }),
  );
}

type DurationChart = { title: string; definition: string; key: string; labels: readonly [string, string]; color: string };

/** A duration's weekly median and p90 (keys `<key>Median`, `<key>P90`), one colour, the p90 dashed, on minute ticks. */
export function durationChart(
  id: string,
  ctx: ChartContext,
  chart: DurationChart,
  weeks: { week: string; start: string; stats: DurationStats }[],
  belonging?: WeekBelonging,
): ChartSpec {
  const [median, p90] = [`${chart.key}Median`, `${chart.key}P90`];
  return withMinuteTicks(
    weeklySpec(
      id,
      ctx,
      {
        title: chart.title,
        definition: chart.definition,
        series: [durationLine(median, chart.labels[0], chart.color), durationLine(p90, chart.labels[1], chart.color, true)],
        rows: weeks.map((w) => ({ week: w.week, start: w.start, [median]: w.stats.median, [p90]: w.stats.p90 })),
      },
      belonging,
    ),
  );
}

// Resolution takes days where detection takes minutes: on one axis TTD and TTM would lie flat.
export function resolveChart(weeks: WeekMetrics[], ctx: ChartContext): ChartSpec {
  const chart = { title: "Time to resolve", definition: DEFINITIONS.resolve, key: "ttr", labels: ["TTR median", "TTR p90"], color: COLOURS.ttr } as const;
  return durationChart(
    "time-to-resolve",
    ctx,
    chart,
    weeks.map((w) => ({ week: w.week, start: w.start, stats: w.ttr })),
  );
}

type Series = { key: string; label: string; color: string; missing?: string };

/** Weekly bars of a count with a share as a line on the right axis. */
export function countAndShareChart(
  id: string,
  ctx: ChartContext,
  words: { title: string; definition: string },
  [count, share]: [Series, Series],
  rows: ChartSpec["rows"],
  belonging?: WeekBelonging,
): ChartSpec {
  const series: ChartSpec["series"] = [
    { ...count, format: "count", mark: "bar" },
    { ...share, format: "fraction-percent", mark: "line", axis: "right" },
  ];
  return weeklySpec(id, ctx, { ...words, series, rows }, belonging);
}

export function aiChart(weeks: WeekMetrics[], ctx: ChartContext): ChartSpec {
  const series: [Series, Series] = [
    { key: "policyViolations", label: "Policy violations", color: COLOURS.violations },
    { key: "aiShare", label: "AI share", color: COLOURS.aiShare },
  ];
  const rows = weeks.map((w) => ({ week: w.week, start: w.start, policyViolations: w.policyViolations, aiShare: w.aiShare }));
  return countAndShareChart(
    "ai-share-and-policy-violations",
    ctx,
    { title: "AI share of incidents and policy violations", definition: DEFINITIONS.ai },
    series,
    rows,
  );
}
