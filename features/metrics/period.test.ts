import { beforeAll, describe, expect, it } from "vitest";
import { parseIsoWeek } from "@/lib/time/iso-week";
import { useTestDatabase } from "@/test/database";
import { queryBlastRadiusCounts, queryRootCauseCounts, queryTopServicesByImpact } from "./breakdowns";
import { queryPeriodSummary } from "./period";
import { addIncident, createMetricsCatalogue } from "./test-fixtures";
import type { MetricsQuery, MetricsScope } from "./types";
import { queryWeeklyMetrics } from "./weekly";

// The whole-period figures and breakdowns on a real PostgreSQL, over 2025-W20 (Mon 12 May)
// and 2025-W21 (Mon 19 May); every expected figure is worked out by hand below.
const { db } = useTestDatabase({ poolMax: 2 });

beforeAll(async () => {
  await createMetricsCatalogue(db);
  // P0 (auth) started the Sunday before the period and ends 00:30 into it: 30 minutes count, the incident does not.
  await addIncident(db, { services: ["auth"], startedAt: "2025-05-11T23:00:00Z", mitigatedAt: "2025-05-12T00:30:00Z", rootCause: "HARDWARE" });
  // W20: TTM 10, 20, 30.
  await addIncident(db, {
    services: ["cart"],
    startedAt: "2025-05-13T09:00:00Z",
    detectedAt: "2025-05-13T09:02:00Z",
    mitigatedAt: "2025-05-13T09:10:00Z",
    resolvedAt: "2025-05-13T10:00:00Z",
    severity: "SEV1",
    ai: "GENERATED",
    policyViolation: true,
    usersAffected: 100,
    rootCause: "CODE_CHANGE",
  });
  await addIncident(db, {
    services: ["cart", "search"],
    startedAt: "2025-05-14T09:00:00Z",
    detectedAt: "2025-05-14T09:04:00Z",
    mitigatedAt: "2025-05-14T09:20:00Z",
    usersAffected: 50,
    rootCause: "CONFIG_CHANGE",
    blastRadius: "MULTI_SERVICE",
  });
  await addIncident(db, { services: ["cart"], startedAt: "2025-05-15T09:00:00Z", mitigatedAt: "2025-05-15T09:30:00Z", rootCause: "CODE_CHANGE" });
  // W21: P4 09:00–10:40 (TTM 100) and P5 10:00–11:00 (TTM 60) overlap on search.
  await addIncident(db, {
    services: ["cart", "search"],
    startedAt: "2025-05-20T09:00:00Z",
    detectedAt: "2025-05-20T09:06:00Z",
    mitigatedAt: "2025-05-20T10:40:00Z",
    severity: "SEV1",
    ai: "AGENT",
    usersAffected: 1000,
    rootCause: "DEPENDENCY",
    blastRadius: "SITE_WIDE",
  });
  await addIncident(db, {
    services: ["search"],
    startedAt: "2025-05-20T10:00:00Z",
    mitigatedAt: "2025-05-20T11:00:00Z",
    usersAffected: 5,
    rootCause: "CAPACITY",
    blastRadius: "REGIONAL",
  });
});

const period = (scope: MetricsScope = {}, from = "2025-W20", to = "2025-W21"): MetricsQuery => ({
  from: parseIsoWeek(from),
  to: parseIsoWeek(to),
  timeZone: "UTC",
  scope,
  now: new Date("2026-01-01T00:00:00Z"),
});

describe("queryPeriodSummary", () => {
  it("takes medians over the period's incidents, not the weeks' medians", async () => {
    const summary = await queryPeriodSummary(db, period());
    // TTM sorted 10 20 30 60 100: median 30; p90 at rank 3.6 → 60 + 0.6 × 40 = 84.
    // (The weekly medians are 20 and 80; their mean, 50, would be wrong.)
    expect(summary.ttm.median).toBe(30);
    expect(summary.ttm.p90).toBeCloseTo(84, 9);
    // TTD 2 4 6 (P3 and P5 have none): median 4, p90 at rank 1.8 → 4 + 0.8 × 2 = 5.6
    expect(summary.ttd.median).toBe(4);
    expect(summary.ttd.p90).toBeCloseTo(5.6, 9);
    expect(summary.ttr).toEqual({ median: 60, p90: 60 });
    const weeks = await queryWeeklyMetrics(db, period());
    expect(weeks.map((w) => w.ttm.median)).toEqual([20, 80]);
  });

  it("merges impact over the period and counts the period's incidents", async () => {
    const summary = await queryPeriodSummary(db, period());
    // impact: P0 clipped 30 + 10 + 20 + 30 + (09:00–11:00 on 20 May = 120, not 100 + 60) = 210
    // counts: 5 incidents (not P0), Sev1 P1 P4, AI P1 P4 → share 2/5, one violation; users 100 + 50 + 0 + 1000 + 5
    expect(summary).toMatchObject({
      from: "2025-05-12",
      to: "2025-05-25",
      weeks: 2,
      minutes: 20_160,
      incidents: 5,
      sev1: 2,
      sev2: 3,
      aiInvolved: 2,
      aiShare: 0.4,
      policyViolations: 1,
      impactMinutes: 210,
      usersAffected: 1155,
    });
    // 1 − 210 / 20 160
    expect(summary.availability).toBeCloseTo(1 - 210 / 20_160, 12);
    const weeks = await queryWeeklyMetrics(db, period());
    // W20: 30 + 10 + 20 + 30 = 90; W21: 120
    expect(weeks.map((w) => w.impactMinutes)).toEqual([90, 120]);
  });

  it("is empty but well formed for a period without incidents", async () => {
    const summary = await queryPeriodSummary(db, period({}, "2025-W30", "2025-W33"));
    expect(summary).toMatchObject({
      from: "2025-07-21",
      to: "2025-08-17",
      weeks: 4,
      incidents: 0,
      aiShare: null,
      impactMinutes: 0,
      availability: 1,
      usersAffected: 0,
    });
    expect(summary.ttm).toEqual({ median: null, p90: null });
  });

  it("narrows to a team", async () => {
    // platform = search + auth: P0 (30, not counted), P2 09:00–09:20, P4 ∪ P5 09:00–11:00 → 30 + 20 + 120 = 170; incidents P2 P4 P5
    expect(await queryPeriodSummary(db, period({ team: "platform" }))).toMatchObject({ incidents: 3, sev1: 1, impactMinutes: 170, usersAffected: 1055 });
  });
});

describe("breakdowns", () => {
  it("counts root causes in the documented order, zeros included, the period's incidents only", async () => {
    expect(await queryRootCauseCounts(db, period())).toEqual([
      { key: "CODE_CHANGE", count: 2 },
      { key: "CONFIG_CHANGE", count: 1 },
      { key: "INFRA_CHANGE", count: 0 },
      { key: "DEPENDENCY", count: 1 },
      { key: "CAPACITY", count: 1 },
      { key: "HARDWARE", count: 0 }, // P0 started before the period
      { key: "SECURITY", count: 0 },
      { key: "UNKNOWN", count: 0 },
    ]);
  });

  it("counts blast radius in the documented order", async () => {
    const counts = await queryBlastRadiusCounts(db, period({ service: "search" }));
    // search: P2 multi-service, P4 site-wide, P5 regional
    expect(counts).toEqual([
      { key: "SINGLE_SERVICE", count: 0 },
      { key: "MULTI_SERVICE", count: 1 },
      { key: "REGIONAL", count: 1 },
      { key: "SITE_WIDE", count: 1 },
    ]);
  });

  it("ranks services by their own merged impact", async () => {
    const top = await queryTopServicesByImpact(db, { ...period(), limit: 10 });
    // cart: 10 + 20 + 30 + 100 = 160 (4 incidents); search: 20 + (09:00–11:00) 120 = 140 (3); auth: P0's 30 clipped (0 started in the period)
    expect(top.map((s) => [s.slug, s.team, s.impactMinutes, s.incidents])).toEqual([
      ["cart", "Storefront", 160, 4],
      ["search", "Platform", 140, 3],
      ["auth", "Platform", 30, 0],
    ]);
    expect((await queryTopServicesByImpact(db, { ...period(), limit: 1 })).map((s) => s.slug)).toEqual(["cart"]);
    // Only the scope's services are listed: checkout has nothing, so storefront is cart alone.
    expect((await queryTopServicesByImpact(db, { ...period({ team: "storefront" }), limit: 10 })).map((s) => s.slug)).toEqual(["cart"]);
  });
});
