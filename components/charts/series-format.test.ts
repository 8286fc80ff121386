import { describe, expect, it } from "vitest";
import type { ChartSpec } from "@/components/charts/chart-types";
import { chartCsv, formatReadable, formatTick, formatValue } from "@/components/charts/series-format";

const spec: Pick<ChartSpec, "dimensions" | "series" | "rows"> = {
  dimensions: [
    { key: "week", label: "Week" },
    { key: "start", label: "Starts" },
  ],
  series: [
    { key: "availability", label: "Availability", color: "#000", format: "availability", mark: "line" },
    { key: "ttm", label: "TTM, median", color: "#000", format: "minutes", mark: "line" },
  ],
  rows: [
    { week: "2026-W10", start: "2026-03-02", availability: 0.99953373015873, ttm: 37.5 },
    { week: "2026-W11", start: "2026-03-09", availability: 1, ttm: null },
  ],
};

describe("chartCsv", () => {
  it("writes the chart's points unrounded, with units in the header and empty cells for missing values", () => {
    expect(chartCsv(spec)).toBe(
      'Week,Starts,Availability (fraction),"TTM, median (minutes)"\r\n2026-W10,2026-03-02,0.99953373015873,37.5\r\n2026-W11,2026-03-09,1,\r\n',
    );
  });
});

describe("formatValue", () => {
  it("says what a missing value means when the series tells it, and shows a dash otherwise", () => {
    expect(formatValue(null, "fraction-percent", "no changes")).toBe("no changes");
    expect(formatValue(null, "minutes")).toBe("—");
    expect(formatValue(0, "fraction-percent", "no changes")).toBe("0.0 %");
  });

  it("formats each kind of number as the tables show it", () => {
    expect(formatValue(0.99953373015873, "availability")).toBe("99.95 %");
    expect(formatValue(0.25, "fraction-percent")).toBe("25.0 %");
    expect(formatValue(1234.56, "minutes")).toBe("1,234.6 min");
    expect(formatValue(12345, "count")).toBe("12,345");
    expect(formatValue(null, "minutes")).toBe("—");
  });

  it("reads durations in hours past two hours for tooltips, the rest as the tables show it", () => {
    expect(formatReadable(119, "minutes")).toBe("119 min");
    expect(formatReadable(130, "minutes")).toBe("2 h 10 min");
    expect(formatReadable(null, "minutes")).toBe("—");
    expect(formatReadable(0.9987, "availability")).toBe("99.87 %");
  });

  it("shortens axis ticks: hours and days for long durations, thousands for big counts", () => {
    expect(formatTick(90, "minutes")).toBe("90 min");
    expect(formatTick(0, "minutes")).toBe("0");
    expect(formatTick(150, "minutes")).toBe("2.5 h");
    expect(formatTick(4320, "minutes")).toBe("3 d");
    expect(formatTick(60, "minutes", 300)).toBe("1 h");
    expect(formatTick(2160, "minutes", 3600)).toBe("1.5 d");
    expect(formatTick(12_000, "count")).toBe("12k");
    expect(formatTick(0.999, "availability")).toBe("99.9 %");
  });
});
