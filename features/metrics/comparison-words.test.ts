import { describe, expect, it } from "vitest";
import { parseIsoWeek } from "@/lib/time/iso-week";
import type { PeriodSummary } from "@/features/metrics/types";
import { comparisonWords } from "@/features/metrics/comparison-words";

const summary = {} as PeriodSummary;
const before = { from: parseIsoWeek("2026-W10"), to: parseIsoWeek("2026-W11") };
const period = (running: boolean) => ({ to: parseIsoWeek("2026-W13"), weeks: 2, running });

describe("comparisonWords", () => {
  it("says there is no earlier data, and when the data begins, with nothing on the tiles", () => {
    const words = comparisonWords({ kind: "no-earlier-data", firstIncidentAt: "2026-03-02T10:00:00Z" }, period(false), before, "UTC");
    expect(words).toEqual({ summary: "no earlier data to compare with: the first recorded incident started on 2 Mar 2026", tileLabel: null });
  });

  it("marks a running period so far and names the instant the earlier part runs to, in the organisation's zone", () => {
    const words = comparisonWords({ kind: "same-elapsed", summary, until: "2026-03-11T12:00:00Z" }, period(true), before, "Europe/Paris");
    expect(words.summary).toBe("so far (2026-W13 still running) · compared with the 2 weeks before up to the same point (2026-W10 – Wed 11 Mar, 13:00)");
    expect(words.tileLabel).toBe("so far in the previous 2 weeks");
  });

  it("compares whole periods plainly once the period has ended", () => {
    expect(comparisonWords({ kind: "full", summary }, period(false), before, "UTC")).toEqual({
      summary: "compared with the 2 weeks before (2026-W10 – 2026-W11 (2 Mar 2026 – 15 Mar 2026))",
      tileLabel: "in the previous 2 weeks",
    });
  });
});
