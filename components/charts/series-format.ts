// A chart value as its series format says (tables, ticks, tooltips) and a chart as CSV; the
// figures themselves are written as people read them by lib/figure-text.
import { formatAvailability, formatMinutes } from "@/lib/figure-text";
import type { ChartSpec, ValueFormat } from "./chart-types";

const counts = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
const minutes = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 });

/** A value as the tables show it, minutes as minutes; `missing` ("—") where there is none (e.g. no incidents that week). */
export function formatValue(value: number | string | null | undefined, format: ValueFormat, missing = "—"): string {
  if (value === null || value === undefined || value === "") return missing;
  if (typeof value === "string") return value;
  switch (format) {
    case "count":
      return counts.format(value);
    case "minutes":
      return `${minutes.format(value)} min`;
    case "fraction-percent":
      return `${(value * 100).toFixed(1)} %`;
    case "availability":
      return formatAvailability(value);
  }
}

/** A value as tooltips and cards show it: durations in hours past two hours ("2 h 10 min"). */
export function formatReadable(value: number | string | null | undefined, format: ValueFormat, missing = "—"): string {
  return format === "minutes" && typeof value === "number" ? formatMinutes(value) : formatValue(value, format, missing);
}

/** A compact axis tick: 1.2k, 99.9 %, 45 min, 6 h, 3 d. `scale` (the axis's largest tick) picks one unit for the whole axis. */
export function formatTick(value: number, format: ValueFormat, scale = value): string {
  if (format === "availability") return `${Number((value * 100).toFixed(2))} %`;
  if (format === "fraction-percent") return `${Math.round(value * 100)} %`;
  if (format === "minutes") {
    if (value === 0) return "0";
    if (Math.abs(scale) >= 2880) return `${Number((value / 1440).toFixed(1))} d`;
    if (Math.abs(scale) >= 120) return `${Number((value / 60).toFixed(1))} h`;
    return `${Number(value.toFixed(1))} min`;
  }
  if (Math.abs(value) >= 10_000) return `${Math.round(value / 1000)}k`;
  if (Math.abs(value) >= 1000) return `${(value / 1000).toFixed(1)}k`;
  return String(Number(value.toFixed(1)));
}

/** Column titles of the CSV, with the unit of each number, since the CSV carries them unformatted. */
const UNIT: Record<ValueFormat, string> = {
  count: "",
  minutes: " (minutes)",
  "fraction-percent": " (fraction)",
  availability: " (fraction)",
};

const csvCell = (value: string | number | null | undefined) => {
  const text = value === null || value === undefined ? "" : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** The chart's numbers as CSV, unrounded, one row per point. */
export function chartCsv(spec: Pick<ChartSpec, "dimensions" | "series" | "rows">): string {
  const header = [...spec.dimensions.map((d) => d.label), ...spec.series.map((s) => `${s.label}${UNIT[s.format]}`)];
  const lines = spec.rows.map((row) => [...spec.dimensions.map((d) => row[d.key]), ...spec.series.map((s) => row[s.key])].map(csvCell).join(","));
  return [header.map(csvCell).join(","), ...lines].join("\r\n") + "\r\n";
}
