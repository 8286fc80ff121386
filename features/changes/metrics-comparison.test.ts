import { describe, expect, it } from "vitest";
import { failureCount } from "./metrics";
import { compareChangeFailure } from "./metrics-comparison";

// Intervals worked out from the Wilson formula (lib/metrics/wilson.ts), 95 %.
describe("are AI-involved changes failing more often?", () => {
  it("says how many times as often when the intervals are apart and both groups have 20 or more", () => {
    // 12/80 = 15 %, 8.8–24.4 %; 5/160 = 3.1 %, 1.3–7.1 %: apart. 0.15 ÷ 0.03125 = 4.8
    const result = compareChangeFailure(failureCount(80, 12), failureCount(160, 5));
    expect(result.verdict).toEqual({ kind: "clear", aiFailsMore: true, ratio: expect.closeTo(4.8, 12) });
    expect(result.headline).toBe("AI-involved changes failed 4.8× as often: 12 of 80 vs 5 of 160");
    expect(result.aiInvolved.interval!.low).toBeCloseTo(0.0879, 4);
    expect(result.other.interval!.high).toBeCloseTo(0.0711, 4);
  });

  it("says so when AI-involved changes failed less often, with the others' multiple", () => {
    // 2/200 = 1 %, 0.27–3.6 %; 20/150 = 13.3 %, 8.8–19.7 %: 13.3 ÷ 1 = 13
    const result = compareChangeFailure(failureCount(200, 2), failureCount(150, 20));
    expect(result.verdict).toMatchObject({ kind: "clear", aiFailsMore: false });
    expect(result.headline).toBe("AI-involved changes failed less often: 2 of 200 vs 20 of 150");
    expect(result.detail).toBe("Other changes failed 13× as often; the 95 % intervals do not overlap.");
  });

  it("is too few to tell when the intervals overlap, and says the difference is within the uncertainty", () => {
    // 6/50: 5.6–23.8 %; 10/120: 4.6–14.7 %: they overlap, although 12 % > 8.3 %
    const result = compareChangeFailure(failureCount(50, 6), failureCount(120, 10));
    expect(result.verdict).toEqual({ kind: "too-few", reason: "overlap" });
    expect(result.headline).toBe("Too few changes to tell");
    expect(result.detail).toBe("The difference is within the uncertainty: the 95 % intervals overlap (6 of 50 vs 10 of 120).");
  });

  it("is too few to tell with fewer than 20 changes in a group, however far apart, naming the group", () => {
    // 5/12 = 41.7 %, 19.3–68.0 %, against 10/200 = 5 %, 2.7–9.0 %: apart, but 12 < 20
    const small = compareChangeFailure(failureCount(12, 5), failureCount(200, 10));
    expect(small.verdict).toEqual({ kind: "too-few", reason: "small-groups", smallGroups: ["aiInvolved"] });
    expect(small.detail).toBe("Only 12 AI-involved changes in the period: a verdict needs at least 20 of each.");
    expect(compareChangeFailure(failureCount(20, 12), failureCount(19, 0)).detail).toBe(
      "Only 19 other changes in the period: a verdict needs at least 20 of each.",
    );
    expect(compareChangeFailure(failureCount(1, 1), failureCount(0, 0)).detail).toBe(
      "Only 1 AI-involved change and 0 other changes in the period: a verdict needs at least 20 of each.",
    );
    expect(compareChangeFailure(failureCount(0, 0), failureCount(0, 0))).toMatchObject({
      headline: "Too few changes to tell",
      detail: "No changes were recorded in the period.",
    });
  });

  it("marks the figures of a period still running as so far", () => {
    const running = compareChangeFailure(failureCount(80, 12), failureCount(160, 5), true);
    expect(running.headline).toBe("AI-involved changes failed 4.8× as often: 12 of 80 vs 5 of 160");
    expect(running.detail).toBe(
      "The 95 % intervals do not overlap: the difference is larger than chance would explain. So far: the newest changes have had little time to fail.",
    );
  });

  it("never divides by zero: no other change failed gives “more often” without a multiple", () => {
    // 10/60: 9.3–28.0 %; 0/100: 0–3.7 %: apart
    const result = compareChangeFailure(failureCount(60, 10), failureCount(100, 0));
    expect(result.verdict).toEqual({ kind: "clear", aiFailsMore: true, ratio: null });
    expect(result.headline).toBe("AI-involved changes failed more often");
    expect(result.detail).toBe("10 of 60 AI-involved changes failed; none of the 100 other changes did. The 95 % intervals do not overlap.");
    expect(`${result.headline} ${result.detail}`).not.toMatch(/∞|Infinity|NaN/);
    const mirrored = compareChangeFailure(failureCount(200, 0), failureCount(150, 20));
    expect(mirrored).toMatchObject({ verdict: { ratio: null }, headline: "AI-involved changes failed less often" });
    expect(mirrored.detail).toBe("20 of 150 other changes failed; none of the 200 AI-involved changes did. The 95 % intervals do not overlap.");
  });

  it("is too few to tell when neither group had a failure", () => {
    // 0/40: 0–8.8 %; 0/60: 0–6.0 %: they overlap
    const result = compareChangeFailure(failureCount(40, 0), failureCount(60, 0));
    expect(result.verdict).toEqual({ kind: "too-few", reason: "overlap" });
    expect(result.detail).toBe("No change failed in either group (0 of 40 vs 0 of 60).");
  });
});
