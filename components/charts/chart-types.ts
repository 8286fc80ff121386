// What a chart draws, described as data: built on the server, drawn by a client component,
// and shown again as a table and a CSV of the very same numbers.

/** How a number reads: counts, minutes, fractions shown as percentages. */
export type ValueFormat = "count" | "minutes" | "fraction-percent" | "availability";

/** One drawn series, keyed into the rows; its colour becomes the CSS variable --color-<key>. */
export type ChartSeries = {
  key: string;
  label: string;
  /** Any CSS colour; set on the chart as --color-<key> (shadcn's chart pattern). */
  color: string;
  format: ValueFormat;
  mark: "bar" | "line";
  /** Bars with the same stack id are stacked. */
  stack?: string;
  /** A secondary measure drawn against the right-hand axis. */
  axis?: "left" | "right";
  dashed?: boolean;
  /** What the table and the tooltip say where a point has no value, e.g. "no changes"; "—" unless given. */
  missing?: string;
};

/** A text column of the table (and the category axis when first), e.g. the ISO week. */
export type ChartDimension = { key: string; label: string };

export type ChartRow = Record<string, string | number | null>;

export type ChartSpec = {
  /** Unique on the page. */
  id: string;
  /** The CSV download's file name, e.g. "incidents-by-severity_2026-W01_2026-W13.csv". */
  fileName: string;
  title: string;
  /** The metric's definition, shown beside the chart. */
  definition: string;
  /** "time": weeks along the x axis; "categories": horizontal bars, one per category. */
  layout: "time" | "categories";
  dimensions: ChartDimension[];
  series: ChartSeries[];
  rows: ChartRow[];
  /** A target drawn as a reference line, in the left axis's units, e.g. the SLO. */
  reference?: { value: number; label: string };
  /** Ticks of the value axis (the left one), first to last, when automatic ones would read oddly (70 min, 2.3 h); they bound the axis too. */
  valueTicks?: number[];
  emptyMessage?: string;
  /** The first dimension's value of a point still being counted (the running week): its table row and tooltip say "so far". */
  soFar?: string;
};

export type ChartConfig = Record<string, { label: string; color: string }>;

export const chartConfigOf = (spec: Pick<ChartSpec, "series">): ChartConfig =>
  Object.fromEntries(spec.series.map((s) => [s.key, { label: s.label, color: s.color }]));

/** The CSS variables of a chart's colours, set on its container. */
export const colourVariables = (config: ChartConfig): Record<string, string> =>
  Object.fromEntries(Object.entries(config).map(([key, { color }]) => [`--color-${key}`, color]));
