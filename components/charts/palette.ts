// Chart colours as CSS variables (defined in app/globals.css), never fixed values: the same
// chart then reads on a light page, a dark one and paper.

/** Series colours for chart specs. */
export const SERIES_COLOURS = {
  red: "var(--chart-red)",
  amber: "var(--chart-amber)",
  indigo: "var(--chart-indigo)",
  emerald: "var(--chart-emerald)",
  sky: "var(--chart-sky)",
  violet: "var(--chart-violet)",
  slate: "var(--chart-slate)",
  muted: "var(--chart-muted)",
} as const;

/** Axis text, grid lines, a target line and the hover band. */
export const FRAME_COLOURS = {
  axis: "var(--chart-axis)",
  grid: "var(--chart-grid)",
  reference: "var(--chart-reference)",
  cursor: "var(--chart-cursor)",
} as const;
