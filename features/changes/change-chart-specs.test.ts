import { describe, expect, it } from "vitest";
import { failureCount, type ChangeWeek } from "@/features/changes/metrics";
import { failureRateByAiChart, failureRateBySignOffChart, recoveryChart, withoutSignOffChart } from "@/features/changes/change-chart-specs";

const none = failureCount(0, 0);
const emptyWeek = (week: string, start: string): ChangeWeek => ({
  week,
  start,
  ...none,
  byAi: { NONE: none, ASSISTED: none, GENERATED: none, AGENT: none },
  bySignOff: { compliant: none, violating: none },
  recovery: { median: null, p90: null },
});
// W10: 10 changes, 3 failed. No AI 1 of 6; assisted 1 of 2, generated 0 of 1, agent 1 of 1 → AI-involved 2 of 4.
const w10: ChangeWeek = {
  week: "2026-W10",
  start: "2026-03-02",
  ...failureCount(10, 3),
  byAi: { NONE: failureCount(6, 1), ASSISTED: failureCount(2, 1), GENERATED: failureCount(1, 0), AGENT: failureCount(1, 1) },
  bySignOff: { compliant: failureCount(8, 1), violating: failureCount(2, 2) },
  recovery: { median: 40, p90: 99 },
};
const weeks = [w10, emptyWeek("2026-W11", "2026-03-09")];
const context = { fileSuffix: "2026-W10_2026-W11", timeZone: "UTC", sloTarget: 0.999, sloOf: "the organisation's target" };

describe("the change risk chart specs", () => {
  it("split the failure rate into no AI and AI-involved (assisted, generated and agent together)", () => {
    const chart = failureRateByAiChart(weeks, context);
    expect(chart.rows[0]).toEqual({ week: "2026-W10", start: "2026-03-02", noAi: 1 / 6, aiInvolved: 0.5 });
    expect(chart.series.map((s) => s.label)).toEqual(["No AI involved", "AI-involved"]);
    expect(chart.valueTicks).toEqual([0, 0.1, 0.2, 0.3, 0.4, 0.5]);
    expect(chart.definition).toContain("a change belongs to the week it was deployed");
  });

  it("leave a week without changes empty, said as “no changes”, never 0 %", () => {
    for (const chart of [failureRateByAiChart(weeks, context), failureRateBySignOffChart(weeks, context)]) {
      expect(chart.rows[1]).toEqual({ week: "2026-W11", start: "2026-03-09", ...Object.fromEntries(chart.series.map((s) => [s.key, null])) });
      expect(chart.series.every((s) => s.missing === "no changes")).toBe(true);
    }
    expect(withoutSignOffChart(weeks, context).rows[1]).toEqual({ week: "2026-W11", start: "2026-03-09", violating: 0, share: null });
  });

  it("count the changes shipped without the required sign-off and their share, in words", () => {
    const chart = withoutSignOffChart(weeks, context);
    expect(chart.rows[0]).toMatchObject({ violating: 2, share: 0.2 });
    expect(chart.series.map((s) => s.label)).toEqual(["Without required sign-off", "Share of the week's changes"]);
    expect(failureRateBySignOffChart(weeks, context).rows[0]).toMatchObject({ compliant: 1 / 8, violating: 1 });
    expect(chart.fileName).toBe("changes-without-sign-off_2026-W10_2026-W11.csv");
  });

  it("draw recovery as median and p90 on clock steps", () => {
    const chart = recoveryChart(weeks, context);
    expect(chart.rows.map((r) => [r.recoveryMedian, r.recoveryP90])).toEqual([
      [40, 99],
      [null, null],
    ]);
    expect(chart.valueTicks).toEqual([0, 30, 60, 90, 120]);
  });
});
