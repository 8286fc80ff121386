import { describe, expect, it } from "vitest";
import { formatIsoWeek, type IsoWeek } from "@/lib/time/iso-week";
import { parseMetricsPeriod, previousPeriod, runningWeekOf, weekCount } from "./params";

// Wednesday 11 March 2026, 12:00 UTC: the current ISO week is 2026-W11.
const now = new Date("2026-03-11T12:00:00Z");
const parse = (query: string, options: { timeZone?: string; requireDates?: boolean; at?: Date } = {}) =>
  parseMetricsPeriod(new URLSearchParams(query), { timeZone: options.timeZone ?? "UTC", now: options.at ?? now, requireDates: options.requireDates });
const weeks = (p: { from: IsoWeek; to: IsoWeek }) => [formatIsoWeek(p.from), formatIsoWeek(p.to)];

describe("parseMetricsPeriod", () => {
  it("defaults to the 13 weeks ending with the current week", () => {
    const p = parse("");
    // W11 − 12 weeks = 2025-W51 (2025 has 52 weeks)
    expect(weeks(p)).toEqual(["2025-W51", "2026-W11"]);
    expect(p).toMatchObject({ range: 13, scope: {}, errors: {} });
  });

  it("takes the presets 4, 13, 26 and 52, and refuses others naming range", () => {
    expect(weeks(parse("range=4"))).toEqual(["2026-W08", "2026-W11"]);
    expect(weeks(parse("range=52"))).toEqual(["2025-W12", "2026-W11"]);
    const bad = parse("range=7");
    expect(bad.errors).toEqual({ range: ["must be one of 4, 13, 26, 52 (weeks)"] });
    expect(bad.range).toBe(13);
  });

  it("finds the current week in the organisation's zone", () => {
    // Sunday 8 March 23:30 UTC is Monday 9 March in Paris: W10 in UTC, W11 in Paris.
    const at = new Date("2026-03-08T23:30:00Z");
    expect(weeks(parse("range=4", { at }))[1]).toBe("2026-W10");
    expect(weeks(parse("range=4", { at, timeZone: "Europe/Paris" }))[1]).toBe("2026-W11");
  });

  it("takes custom dates as the ISO weeks that hold them", () => {
    // Sat 2 Jan 2021 is in 2020-W53; Wed 3 Feb 2021 in 2021-W05
    const p = parse("from=2021-01-02&to=2021-02-03&range=4");
    expect(weeks(p)).toEqual(["2020-W53", "2021-W05"]);
    expect(p).toMatchObject({ range: "custom", errors: {} });
    expect(weeks(parse("from=2026-02-02"))).toEqual(["2026-W06", "2026-W11"]); // from alone runs to the current week
  });

  it("names the field of a bad date, a reversed range and a period that is too long", () => {
    expect(parse("from=2026-02-30").errors).toEqual({ from: ['must be an existing date as YYYY-MM-DD from 1970 to 2099, got "2026-02-30"'] });
    expect(parse("to=last-week").errors.to).toHaveLength(1);
    expect(parse("from=2026-03-10&to=2026-03-01").errors).toEqual({ to: ["must not be before from"] });
    // 2021-W01 → 2026-W01 is 5 × 52 + 1 (2021–2025: only 2020 and 2026 have 53 weeks) = 261 weeks
    expect(parse("from=2021-01-04&to=2026-01-01").errors.from).toEqual(["the period can be at most 260 weeks; this one is 261"]);
    expect(parse("from=2021-01-04&to=2025-12-28").errors).toEqual({}); // 260 weeks
    expect(weeks(parse("from=2026-03-10&to=2026-03-01"))).toEqual(["2025-W51", "2026-W11"]); // falls back to the default
  });

  it("reads team and service slugs", () => {
    expect(parse("team=payments&service=checkout-api").scope).toEqual({ team: "payments", service: "checkout-api" });
    expect(parse("service=Check Out").errors).toEqual({ service: ["must be a slug (a-z, 0-9, -)"] });
  });

  it("for the API: from and to are required and unknown parameters are errors", () => {
    expect(Object.keys(parse("", { requireDates: true }).errors).sort()).toEqual(["from", "to"]);
    expect(Object.keys(parse("from=2026-03-01&to=2026-03-02&range=4&colour=red", { requireDates: true }).errors).sort()).toEqual(["colour", "range"]);
    expect(weeks(parse("from=2026-03-01&to=2026-03-02", { requireDates: true }))).toEqual(["2026-W09", "2026-W10"]);
  });
});

describe("previousPeriod", () => {
  it("is the same number of weeks just before", () => {
    const from = { year: 2026, week: 1 };
    const to = { year: 2026, week: 13 };
    expect(weekCount(from, to)).toBe(13);
    // 13 weeks before 2026-W01: 2025-W40 … 2025-W52
    expect(weeks(previousPeriod(from, to))).toEqual(["2025-W40", "2025-W52"]);
    // across a 53-week year: the 4 weeks before 2021-W02 are 2020-W51 … 2021-W01
    expect(weeks(previousPeriod({ year: 2021, week: 2 }, { year: 2021, week: 5 }))).toEqual(["2020-W51", "2021-W01"]);
  });
});

describe("runningWeekOf", () => {
  const period = { from: { year: 2026, week: 10 }, to: { year: 2026, week: 11 } };
  it("is the current week in the organisation's zone when the period holds it", () => {
    // Wednesday 11 March 2026, in 2026-W11
    expect(runningWeekOf(period, "UTC", new Date("2026-03-11T12:00:00Z"))).toBe("2026-W11");
    // Sunday 15 March 23:30 UTC is already Monday 16 March (2026-W12) in Paris: past the period.
    expect(runningWeekOf(period, "Europe/Paris", new Date("2026-03-15T23:30:00Z"))).toBeNull();
    expect(runningWeekOf(period, "UTC", new Date("2026-03-16T00:00:00Z"))).toBeNull();
    expect(runningWeekOf(period, "UTC", new Date("2026-02-27T12:00:00Z"))).toBeNull();
  });
});
