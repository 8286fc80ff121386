import { beforeAll, describe, expect, it } from "vitest";
import { percentile } from "@/lib/metrics/percentile";
import { parseIsoWeek } from "@/lib/time/iso-week";
import { useTestDatabase } from "@/test/database";
import { UnknownScopeError } from "./scope";
import { addIncident, createMetricsCatalogue, plusMinutes } from "./test-fixtures";
import { emptyWeek } from "./test-weeks";
import type { MetricsScope } from "./types";
import { queryWeeklyMetrics } from "./weekly";

// queryWeeklyMetrics on a real PostgreSQL. Each scenario has its own service or weeks, so
// they do not disturb one another; every expected figure is worked out by hand.
const { db } = useTestDatabase({ poolMax: 2 });
const WEEK = 7 * 24 * 60; // 10 080 minutes

beforeAll(async () => {
  await createMetricsCatalogue(db);
});

const weekly = (from: string, to: string, scope: MetricsScope = {}, timeZone = "UTC", now = new Date("2026-11-01T00:00:00Z")) =>
  queryWeeklyMetrics(db, { from: parseIsoWeek(from), to: parseIsoWeek(to), timeZone, scope, now });

describe("impact minutes", () => {
  beforeAll(async () => {
    // cart, 2026-W10 (Mon 2 March): 10:00–11:00 and 10:30–12:00 overlap.
    await addIncident(db, { services: ["cart"], startedAt: "2026-03-03T10:00:00Z", mitigatedAt: "2026-03-03T11:00:00Z", severity: "SEV1", usersAffected: 300 });
    await addIncident(db, { services: ["cart"], startedAt: "2026-03-03T10:30:00Z", mitigatedAt: "2026-03-03T12:00:00Z", usersAffected: 45 });
    // checkout: Sunday 8 March 23:00 to Monday 9 March 01:30, across the W10/W11 boundary.
    await addIncident(db, { services: ["checkout"], startedAt: "2026-03-08T23:00:00Z", mitigatedAt: "2026-03-09T01:30:00Z" });
    // search: started Monday 16 March (W12) 00:00, never mitigated.
    await addIncident(db, { services: ["search"], startedAt: "2026-03-16T00:00:00Z" });
  });

  it("counts the overlap of two incidents on one service once", async () => {
    const [w10] = await weekly("2026-W10", "2026-W10", { service: "cart" });
    // union 10:00–12:00 = 120 minutes, not 60 + 90 = 150
    // users affected add up: 300 + 45
    expect(w10).toMatchObject({ week: "2026-W10", start: "2026-03-02", incidents: 2, sev1: 1, sev2: 1, impactMinutes: 120, minutes: WEEK, usersAffected: 345 });
    // 1 − 120 / 10 080
    expect(w10!.availability).toBeCloseTo(1 - 120 / 10_080, 12);
  });

  it("splits an incident across the week boundary, and counts it in the week it started", async () => {
    const weeks = await weekly("2026-W10", "2026-W11", { service: "checkout" });
    // W10: Sun 23:00–Mon 00:00 = 60 minutes; W11: 00:00–01:30 = 90 minutes
    expect(weeks.map((w) => [w.week, w.incidents, w.impactMinutes])).toEqual([
      ["2026-W10", 1, 60],
      ["2026-W11", 0, 90],
    ]);
    // Asked for W11 alone, the incident that started before it still covers 90 of its minutes.
    expect((await weekly("2026-W11", "2026-W11", { service: "checkout" }))[0]).toMatchObject({ incidents: 0, impactMinutes: 90 });
  });

  it("counts an ongoing incident up to now, and nothing after now", async () => {
    const now = new Date("2026-03-16T06:00:00Z");
    const weeks = await weekly("2026-W12", "2026-W13", { service: "search" }, "UTC", now);
    // Mon 00:00 → now 06:00 = 360 minutes; W13 lies after now
    expect(weeks.map((w) => w.impactMinutes)).toEqual([360, 0]);
    // The week so far is 360 minutes, all of them hurt: 1 − 360 / 360. Minutes that have not
    // happened yet count neither as impact nor as available time; W13 has had none.
    expect(weeks.map((w) => [w.minutes, w.availability])).toEqual([
      [360, 0],
      [0, 1],
    ]);
    expect(weeks[0]!.ttm).toEqual({ median: null, p90: null }); // not mitigated: no TTM value
  });

  it("rounds covered time down to whole minutes", async () => {
    await addIncident(db, { services: ["auth"], startedAt: "2026-05-05T10:00:00Z", mitigatedAt: "2026-05-05T10:02:59.999Z" });
    // 2 min 59.999 s → 2
    expect((await weekly("2026-W19", "2026-W19", { service: "auth" }))[0]!.impactMinutes).toBe(2);
  });

  it("lists every week, empty ones with zeros and nulls", async () => {
    const weeks = await weekly("2026-W30", "2026-W32", { service: "cart" });
    expect(weeks.map((w) => w.week)).toEqual(["2026-W30", "2026-W31", "2026-W32"]);
    expect(weeks[1]).toEqual({ ...emptyWeek("2026-W31", "2026-07-27"), minutes: WEEK });
  });
});

describe("week edges in the organisation's time zone", () => {
  beforeAll(async () => {
    // Sunday 1 March 2026 23:30 UTC = Monday 2 March 00:30 in Paris (UTC+1 in winter).
    await addIncident(db, { services: ["auth"], startedAt: "2026-03-01T23:30:00Z", mitigatedAt: "2026-03-01T23:40:00Z" });
    // Saturday 2 January 2021: ISO week 53 of 2020.
    await addIncident(db, { services: ["auth"], startedAt: "2021-01-02T12:00:00Z", mitigatedAt: "2021-01-02T12:30:00Z" });
    // Paris DST starts Sunday 29 March 2026 at 02:00 CET (01:00 UTC): 00:30–02:30 UTC is 120 real minutes.
    await addIncident(db, { services: ["auth"], startedAt: "2026-03-29T00:30:00Z", mitigatedAt: "2026-03-29T02:30:00Z" });
    // Sunday 29 March 22:30 UTC = Monday 30 March 00:30 CEST: W14 in Paris, still W13 in UTC.
    await addIncident(db, { services: ["auth"], startedAt: "2026-03-29T22:30:00Z", mitigatedAt: "2026-03-29T22:45:00Z" });
  });

  it("puts Sunday 23:30 UTC in that ISO week in UTC and in the next week in Paris", async () => {
    const utc = await weekly("2026-W09", "2026-W10", { service: "auth" }, "UTC");
    expect(utc.map((w) => [w.week, w.incidents, w.impactMinutes])).toEqual([
      ["2026-W09", 1, 10],
      ["2026-W10", 0, 0],
    ]);
    const paris = await weekly("2026-W09", "2026-W10", { service: "auth" }, "Europe/Paris");
    expect(paris.map((w) => [w.week, w.start, w.incidents, w.impactMinutes])).toEqual([
      ["2026-W09", "2026-02-23", 0, 0],
      ["2026-W10", "2026-03-02", 1, 10],
    ]);
  });

  it("puts 2 January 2021 in 2020-W53", async () => {
    const weeks = await weekly("2020-W53", "2021-W01", { service: "auth" });
    expect(weeks.map((w) => [w.week, w.start, w.incidents, w.impactMinutes])).toEqual([
      ["2020-W53", "2020-12-28", 1, 30],
      ["2021-W01", "2021-01-04", 0, 0],
    ]);
  });

  it("knows a DST week is an hour short or long", async () => {
    const [spring, april] = await weekly("2026-W13", "2026-W14", { service: "auth" }, "Europe/Paris");
    // Mon 23 March 00:00 CET → Mon 30 March 00:00 CEST: 168 h − 1 h = 10 020 minutes
    expect(spring).toMatchObject({ week: "2026-W13", minutes: 10_020, incidents: 1, impactMinutes: 120 });
    expect(spring!.availability).toBeCloseTo(1 - 120 / 10_020, 12);
    expect(april).toMatchObject({ week: "2026-W14", start: "2026-03-30", incidents: 1, impactMinutes: 15 });
    // Clocks go back on Sunday 25 October 2026: W43 is 168 h + 1 h = 10 140 minutes
    expect((await weekly("2026-W43", "2026-W43", {}, "Europe/Paris"))[0]!.minutes).toBe(10_140);
    // In UTC both are plain weeks, and the 22:30 incident is still in W13.
    expect((await weekly("2026-W13", "2026-W13", { service: "auth" }, "UTC"))[0]).toMatchObject({ minutes: WEEK, incidents: 2 });
  });
});

describe("durations: median and p90 by linear interpolation", () => {
  const monday = (week: number) => new Date(Date.UTC(2025, 2, 3 + (week - 10) * 7, 9)).toISOString(); // 2025-W10 starts Mon 3 March
  const withTtm = (week: number, ttms: number[]) =>
    Promise.all(
      ttms.map((ttm, i) =>
        addIncident(db, { services: ["cart"], startedAt: plusMinutes(monday(week), i * 600), mitigatedAt: plusMinutes(monday(week), i * 600 + ttm) }),
      ),
    );

  beforeAll(async () => {
    await withTtm(10, [30]);
    // A second W10 incident with a detection time, and one without (it must not count as 0).
    await addIncident(db, {
      services: ["checkout"],
      startedAt: monday(10),
      detectedAt: plusMinutes(monday(10), 4),
      mitigatedAt: plusMinutes(monday(10), 5),
      resolvedAt: plusMinutes(monday(10), 90.5),
    });
    await withTtm(11, [20, 10]);
    await withTtm(12, [120, 5, 31, 7, 90, 12, 60, 20, 45, 30]);
  });

  it("matches lib/metrics/percentile.ts on 1, 2 and 10 values", async () => {
    const [one, two, ten] = await weekly("2025-W10", "2025-W12", { service: "cart" });
    // one value: median = p90 = 30
    expect(one!.ttm).toEqual({ median: 30, p90: 30 });
    // [10, 20]: median 15; p90 at rank 0.9 → 10 + 0.9 × 10 = 19
    expect(two!.ttm).toEqual({ median: 15, p90: 19 });
    expect(two!.ttm).toEqual({ median: percentile([20, 10], 0.5), p90: percentile([20, 10], 0.9) });
    // sorted 5 7 12 20 30 31 45 60 90 120: median at rank 4.5 → (30 + 31) / 2 = 30.5; p90 at rank 8.1 → 90 + 0.1 × 30 = 93
    const values = [120, 5, 31, 7, 90, 12, 60, 20, 45, 30];
    expect(ten!.ttm.median).toBe(30.5);
    expect(ten!.ttm.p90).toBeCloseTo(93, 9);
    expect(ten!.ttm.p90).toBeCloseTo(percentile(values, 0.9)!, 9);
  });

  it("takes TTD and TTR only from incidents that have the timestamps, in whole minutes", async () => {
    const [w10] = await weekly("2025-W10", "2025-W10");
    // W10: cart (no detection, not resolved) and checkout (detected +4, mitigated +5, resolved +90.5 → 90)
    expect(w10).toMatchObject({ incidents: 2, ttd: { median: 4, p90: 4 }, ttr: { median: 90, p90: 90 } });
    // TTM over both: [30, 5] → median 17.5, p90 5 + 0.9 × 25 = 27.5
    expect(w10!.ttm).toEqual({ median: 17.5, p90: 27.5 });
  });
});

describe("scope", () => {
  beforeAll(async () => {
    // 2024-W23 (Mon 3 June). X touches search (platform) and cart (storefront); Y only checkout (storefront).
    await addIncident(db, {
      services: ["search", "cart"],
      startedAt: "2024-06-04T10:00:00Z",
      mitigatedAt: "2024-06-04T11:00:00Z",
      severity: "SEV1",
      ai: "ASSISTED",
      policyViolation: true,
    });
    await addIncident(db, { services: ["checkout"], startedAt: "2024-06-04T10:30:00Z", mitigatedAt: "2024-06-04T12:00:00Z" });
  });
  const w23 = async (scope: MetricsScope) => (await weekly("2024-W23", "2024-W23", scope))[0]!;

  it("by team: incidents with any service of the team", async () => {
    // storefront: X and Y; impact 10:00–12:00 = 120 (overlap 10:30–11:00 once)
    expect(await w23({ team: "storefront" })).toMatchObject({
      incidents: 2,
      sev1: 1,
      sev2: 1,
      aiInvolved: 1,
      aiShare: 0.5,
      policyViolations: 1,
      impactMinutes: 120,
    });
    // platform: X only, 60 minutes
    expect(await w23({ team: "platform" })).toMatchObject({ incidents: 1, aiShare: 1, impactMinutes: 60 });
    expect(await w23({ team: "empty-team" })).toMatchObject({ incidents: 0, impactMinutes: 0, availability: 1 });
  });

  it("by service: incidents with that service; with a team too, both must hold", async () => {
    expect(await w23({ service: "checkout" })).toMatchObject({ incidents: 1, sev2: 1, impactMinutes: 90 });
    expect(await w23({ service: "cart", team: "platform" })).toMatchObject({ incidents: 1, impactMinutes: 60 });
    expect(await w23({ service: "checkout", team: "platform" })).toMatchObject({ incidents: 0, impactMinutes: 0 });
    expect(await w23({})).toMatchObject({ incidents: 2, impactMinutes: 120 });
  });

  it("refuses an unknown slug, naming the parameter", async () => {
    await expect(weekly("2024-W23", "2024-W23", { team: "nope" })).rejects.toMatchObject({ field: "team", message: expect.stringContaining('"nope"') });
    await expect(weekly("2024-W23", "2024-W23", { service: "nope" })).rejects.toBeInstanceOf(UnknownScopeError);
  });
});
