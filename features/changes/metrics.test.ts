import { beforeAll, describe, expect, it } from "vitest";
import { UnknownScopeError } from "@/features/metrics/scope";
import { addIncident, createMetricsCatalogue, plusMinutes } from "@/features/metrics/test-fixtures";
import type { MetricsScope } from "@/features/metrics/types";
import { parseIsoWeek } from "@/lib/time/iso-week";
import { useTestDatabase } from "@/test/database";
import { queryChangeMetrics } from "./metrics";
import { addChanges } from "./metrics-fixtures";

// queryChangeMetrics on a real PostgreSQL. Each scenario has its own weeks or service; every
// expected figure is worked out by hand in the comments.
const { db } = useTestDatabase({ poolMax: 2 });

beforeAll(async () => {
  await createMetricsCatalogue(db);
});

const changeMetrics = (from: string, to: string, scope: MetricsScope = {}, timeZone = "UTC") =>
  queryChangeMetrics(db, { from: parseIsoWeek(from), to: parseIsoWeek(to), timeZone, scope });

const none = { changes: 0, failed: 0, changeFailureRate: null };

describe("a week with changes in every AI group and both sign-off groups", () => {
  const tuesday = "2026-03-03T09:00:00Z"; // 2026-W10 (Mon 2 March)
  const at = (minutes: number) => plusMinutes(tuesday, minutes);
  const incident = (changeReference: string, startedAt: string, ttm?: number) =>
    addIncident(db, { services: ["cart"], startedAt, mitigatedAt: ttm === undefined ? undefined : plusMinutes(startedAt, ttm), changeReference });

  beforeAll(async () => {
    await addChanges(db, [
      { reference: "N1", service: "cart", deployedAt: at(0) },
      { reference: "N2", service: "cart", deployedAt: at(10) },
      { reference: "N3", service: "cart", deployedAt: at(20) },
      { reference: "N4", service: "cart", deployedAt: at(30) },
      { reference: "A1", service: "cart", deployedAt: at(40), ai: "ASSISTED" },
      { reference: "A2", service: "cart", deployedAt: at(50), ai: "ASSISTED", violating: true },
      { reference: "G1", service: "cart", deployedAt: at(60), ai: "GENERATED", violating: true },
      { reference: "G2", service: "cart", deployedAt: at(70), ai: "GENERATED" },
      { reference: "AG1", service: "cart", deployedAt: at(80), ai: "AGENT", violating: true },
      // W11: one change that does not fail; W09: one whose incident starts in W10.
      { reference: "N5", service: "cart", deployedAt: "2026-03-10T09:00:00Z" },
      { reference: "P1", service: "cart", deployedAt: "2026-02-27T09:00:00Z" },
    ]);
    await incident("N1", at(5), 30);
    // A1 is named by two incidents: one failed change, two recoveries.
    await incident("A1", at(45), 10);
    await incident("A1", at(300), 50);
    // G1's incident starts in W11: G1 still failed in W10, and the 120 minutes are W10's.
    await incident("G1", "2026-03-11T09:00:00Z", 120);
    // AG1's incident is still open: AG1 failed, but there is no time to mitigate yet.
    await incident("AG1", at(90));
    // P1 was deployed in W09; its incident, in W10, fails W09's change, not a W10 one.
    await incident("P1", at(100), 1000);
  });

  it("counts changes, failed changes and the rate, per AI group and per sign-off", async () => {
    const [w10] = (await changeMetrics("2026-W10", "2026-W10")).weeks;
    // failed: N1, A1 (once, though two incidents name it), G1, AG1 = 4 of 9
    expect(w10).toMatchObject({ week: "2026-W10", start: "2026-03-02", changes: 9, failed: 4 });
    expect(w10!.changeFailureRate).toBeCloseTo(4 / 9, 12);
    expect(w10!.byAi).toEqual({
      NONE: { changes: 4, failed: 1, changeFailureRate: 0.25 }, // N1 of N1–N4
      ASSISTED: { changes: 2, failed: 1, changeFailureRate: 0.5 }, // A1 of A1, A2
      GENERATED: { changes: 2, failed: 1, changeFailureRate: 0.5 }, // G1 of G1, G2
      AGENT: { changes: 1, failed: 1, changeFailureRate: 1 }, // AG1
    });
    // violating: A2, G1, AG1 (G1 and AG1 failed); compliant: the other 6 (N1 and A1 failed)
    expect(w10!.bySignOff.violating).toMatchObject({ changes: 3, failed: 2 });
    expect(w10!.bySignOff.violating.changeFailureRate).toBeCloseTo(2 / 3, 12);
    expect(w10!.bySignOff.compliant).toMatchObject({ changes: 6, failed: 2 });
    expect(w10!.bySignOff.compliant.changeFailureRate).toBeCloseTo(2 / 6, 12);
  });

  it("takes recovery from each incident of the week's failed changes, wherever the incident started", async () => {
    const [w10, w11] = (await changeMetrics("2026-W10", "2026-W11")).weeks;
    // TTM 30 (N1), 10 and 50 (A1), 120 (G1); AG1's incident has none. Sorted 10 30 50 120:
    // median (30 + 50) / 2 = 40; p90 at rank 0.9 × 3 = 2.7 → 50 + 0.7 × 70 = 99
    expect(w10!.recovery.median).toBe(40);
    expect(w10!.recovery.p90).toBeCloseTo(99, 9);
    // W11 holds G1's incident but not G1: its one change did not fail, a true 0 %.
    expect(w11).toMatchObject({ week: "2026-W11", changes: 1, failed: 0, changeFailureRate: 0, recovery: { median: null, p90: null } });
    expect(w11!.byAi.NONE).toEqual({ changes: 1, failed: 0, changeFailureRate: 0 });
  });

  it("fails W09's change for an incident of W10, and adds the weeks up over the window", async () => {
    const { weeks, total } = await changeMetrics("2026-W09", "2026-W11");
    expect(weeks.map((w) => [w.week, w.changes, w.failed])).toEqual([
      ["2026-W09", 1, 1],
      ["2026-W10", 9, 4],
      ["2026-W11", 1, 0],
    ]);
    expect(weeks[0]!.recovery).toEqual({ median: 1000, p90: 1000 });
    // 11 changes, 5 failed; recovery over 10 30 50 120 1000: median 50, p90 rank 3.6 → 120 + 0.6 × 880 = 648
    expect(total).toMatchObject({ changes: 11, failed: 5, recovery: { median: 50 } });
    expect(total.changeFailureRate).toBeCloseTo(5 / 11, 12);
    expect(total.recovery.p90).toBeCloseTo(648, 9);
    expect(total.byAi.NONE).toEqual({ changes: 6, failed: 2, changeFailureRate: 2 / 6 }); // N1–N5, P1
    expect(total.bySignOff.violating).toMatchObject({ changes: 3, failed: 2 });
  });

  it("lists a week without changes with nulls, never a 0 % rate", async () => {
    const { weeks, total } = await changeMetrics("2026-W12", "2026-W13");
    expect(weeks.map((w) => w.week)).toEqual(["2026-W12", "2026-W13"]);
    expect(weeks[0]).toEqual({
      week: "2026-W12",
      start: "2026-03-16",
      ...none,
      byAi: { NONE: none, ASSISTED: none, GENERATED: none, AGENT: none },
      bySignOff: { compliant: none, violating: none },
      recovery: { median: null, p90: null },
    });
    expect(total).toMatchObject({ ...none, recovery: { median: null, p90: null } });
  });
});

describe("scope: the service a change was deployed to", () => {
  beforeAll(async () => {
    // 2026-W20 (Mon 11 May). cart: 2 changes, C1 failed; checkout: 1, failed; search: 3, none failed.
    await addChanges(db, [
      { reference: "C1", service: "cart", deployedAt: "2026-05-12T10:00:00Z" },
      { reference: "C2", service: "cart", deployedAt: "2026-05-12T11:00:00Z" },
      { reference: "K1", service: "checkout", deployedAt: "2026-05-12T12:00:00Z" },
      { reference: "S1", service: "search", deployedAt: "2026-05-12T13:00:00Z" },
      { reference: "S2", service: "search", deployedAt: "2026-05-12T14:00:00Z" },
      { reference: "S3", service: "search", deployedAt: "2026-05-12T15:00:00Z" },
    ]);
    // C1's incident hurt search, not cart: the change's own service decides its scope.
    await addIncident(db, { services: ["search"], startedAt: "2026-05-12T10:30:00Z", mitigatedAt: "2026-05-12T11:00:00Z", changeReference: "C1" });
    await addIncident(db, { services: ["checkout"], startedAt: "2026-05-12T12:30:00Z", mitigatedAt: "2026-05-12T13:00:00Z", changeReference: "K1" });
  });
  const w20 = async (scope: MetricsScope) => {
    const [week] = (await changeMetrics("2026-W20", "2026-W20", scope)).weeks;
    return [week!.changes, week!.failed, week!.changeFailureRate];
  };

  it("by service, by team, both, and everything", async () => {
    expect(await w20({ service: "cart" })).toEqual([2, 1, 0.5]);
    expect(await w20({ team: "storefront" })).toEqual([3, 2, 2 / 3]); // C1, C2, K1
    expect(await w20({ team: "platform" })).toEqual([3, 0, 0]); // S1–S3, though C1's incident hurt search
    expect(await w20({ service: "search", team: "storefront" })).toEqual([0, 0, null]);
    expect(await w20({ team: "empty-team" })).toEqual([0, 0, null]);
    expect(await w20({})).toEqual([6, 2, 2 / 6]);
  });

  it("refuses an unknown slug, naming the parameter", async () => {
    await expect(changeMetrics("2026-W20", "2026-W20", { team: "nope" })).rejects.toMatchObject({ field: "team" });
    await expect(changeMetrics("2026-W20", "2026-W20", { service: "nope" })).rejects.toBeInstanceOf(UnknownScopeError);
  });
});

describe("weeks in the organisation's time zone", () => {
  beforeAll(async () => {
    // Sunday 2 March 2025 23:30 UTC = Monday 3 March 00:30 in Paris (UTC+1 in winter).
    await addChanges(db, [{ reference: "TZ1", service: "auth", deployedAt: "2025-03-02T23:30:00Z", ai: "AGENT" }]);
  });

  it("puts a Sunday 23:30 UTC change in that ISO week in UTC and in the next one in Paris", async () => {
    const utc = await changeMetrics("2025-W09", "2025-W10", {}, "UTC");
    expect(utc.weeks.map((w) => [w.week, w.changes, w.byAi.AGENT.changes])).toEqual([
      ["2025-W09", 1, 1],
      ["2025-W10", 0, 0],
    ]);
    const paris = await changeMetrics("2025-W09", "2025-W10", {}, "Europe/Paris");
    expect(paris.weeks.map((w) => [w.week, w.start, w.changes, w.byAi.AGENT.changes])).toEqual([
      ["2025-W09", "2025-02-24", 0, 0],
      ["2025-W10", "2025-03-03", 1, 1],
    ]);
  });
});
