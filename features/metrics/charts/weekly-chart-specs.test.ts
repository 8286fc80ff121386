import { describe, expect, it } from "vitest";
import type { WeekMetrics } from "@/features/metrics/types";
import { emptyWeek } from "@/features/metrics/test-weeks";
import { availabilityChart, detectMitigateChart, impactChart, severityChart } from "@/features/metrics/charts/weekly-chart-specs";

const week = (n: number, figures: Partial<WeekMetrics>): WeekMetrics => ({
  ...emptyWeek(`2026-W${String(n).padStart(2, "0")}`, `2026-03-${String(2 + (n - 10) * 7).padStart(2, "0")}`),
  ...figures,
});

const context = { fileSuffix: "2026-W10_2026-W11", timeZone: "Europe/London", sloTarget: 0.999, sloOf: "the organisation's target" };
const weeks = [week(10, { sev1: 1, sev2: 2, impactMinutes: 20, availability: 1 - 20 / 10_080, ttm: { median: 30, p90: 54 } }), week(11, {})];

describe("the weekly chart specs", () => {
  it("carry the server's figures unchanged, one row per week, empty weeks included", () => {
    expect(severityChart(weeks, context).rows).toEqual([
      { week: "2026-W10", start: "2026-03-02", sev1: 1, sev2: 2 },
      { week: "2026-W11", start: "2026-03-09", sev1: 0, sev2: 0 },
    ]);
    expect(detectMitigateChart(weeks, context).rows[1]).toEqual({
      week: "2026-W11",
      start: "2026-03-09",
      ttdMedian: null,
      ttdP90: null,
      ttmMedian: null,
      ttmP90: null,
    });
  });

  it("draw availability against the SLO, never above 100 %, and say whose target and which zone", () => {
    const chart = availabilityChart(weeks, context);
    expect(chart.reference).toEqual({ value: 0.999, label: "SLO 99.9 %" });
    expect(chart.valueTicks).toEqual([0.998, 0.9985, 0.999, 0.9995, 1]);
    expect(chart.definition).toContain("the organisation's target");
    expect(chart.definition).toContain("Europe/London");
    expect(chart.fileName).toBe("availability_2026-W10_2026-W11.csv");
  });

  it("put the minute axes on clock steps that reach the largest value", () => {
    expect(impactChart(weeks, context).valueTicks).toEqual([0, 5, 10, 15, 20]);
    expect(detectMitigateChart(weeks, context).valueTicks).toEqual([0, 15, 30, 45, 60]);
  });
});

describe("a period whose last week is still running", () => {
  it("marks that week so far, beside the chart and in its table and tooltip, and the CSV keeps the bare week", () => {
    const chart = impactChart(weeks, { ...context, runningWeek: "2026-W11" });
    expect(chart.soFar).toBe("2026-W11");
    expect(chart.definition).toContain("2026-W11 is still running: its figures are so far.");
    expect(chart.rows[1]?.week).toBe("2026-W11");
  });

  it("says nothing of a running week the chart does not hold", () => {
    for (const runningWeek of ["2026-W12", null, undefined]) {
      const chart = impactChart(weeks, { ...context, runningWeek });
      expect(chart.soFar).toBeUndefined();
      expect(chart.definition).not.toContain("still running");
    }
  });
});
