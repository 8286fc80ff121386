import { describe, expect, it } from "vitest";
import { queryWeeklyMetrics } from "@/features/metrics/weekly";
import { addIncident, badRequestFields, expectBadDatesNamed, expectTokenRequired, forEachScope, useMetricsRoute } from "@/features/metrics/test-fixtures";

// GET /api/v1/metrics/weekly, called as Next.js calls it, on a real database.
const { db, get } = useMetricsRoute(
  "/api/v1/metrics/weekly",
  () => import("./route"),
  async (database) => {
    // 2026-W10 (Mon 2 March): a Sev1 on cart, AI-generated without sign-off, 10:00–11:00 and a
    // Sev2 on search 10:30–12:00; 2026-W12: a Sev2 on cart, 30 minutes.
    await addIncident(database, {
      services: ["cart"],
      startedAt: "2026-03-03T10:00:00Z",
      mitigatedAt: "2026-03-03T11:00:00Z",
      severity: "SEV1",
      ai: "GENERATED",
      policyViolation: true,
    });
    await addIncident(database, { services: ["search"], startedAt: "2026-03-03T10:30:00Z", mitigatedAt: "2026-03-03T12:00:00Z" });
    await addIncident(database, { services: ["cart"], startedAt: "2026-03-17T08:00:00Z", mitigatedAt: "2026-03-17T08:30:00Z" });
  },
);

type Body = { weeks: Record<string, unknown>[] };
type Problem = { status: number; detail?: string; errors?: { field: string; messages: string[] }[] };

describe("GET /api/v1/metrics/weekly", () => {
  it("answers the documented shape: one entry for every ISO week overlapping [from, to], empty weeks included", async () => {
    // Sun 8 March is in W10, Tue 17 March in W12: W10, W11, W12
    const response = await get("?from=2026-03-08&to=2026-03-17");
    expect(response.status).toBe(200);
    const body = (await response.json()) as Body;
    expect(Object.keys(body)).toEqual(["weeks"]);
    expect(body.weeks.map((w) => w.week)).toEqual(["2026-W10", "2026-W11", "2026-W12"]);
    for (const key of ["week", "start", "sev1", "sev2", "aiInvolved", "policyViolations", "impactMinutes", "availability", "ttm"]) {
      expect(body.weeks[0]).toHaveProperty(key);
    }
    // W10: union 10:00–12:00 = 120 minutes; availability 1 − 120/10 080; TTM [60, 90] → median 75, p90 60 + 0.9 × 30 = 87
    expect(body.weeks[0]).toMatchObject({
      week: "2026-W10",
      start: "2026-03-02",
      sev1: 1,
      sev2: 1,
      aiInvolved: 1,
      policyViolations: 1,
      impactMinutes: 120,
      ttm: { median: 75, p90: 87 },
    });
    expect(body.weeks[0]!.availability).toBeCloseTo(1 - 120 / 10_080, 12);
    expect(body.weeks[1]).toMatchObject({
      week: "2026-W11",
      start: "2026-03-09",
      sev1: 0,
      sev2: 0,
      aiInvolved: 0,
      policyViolations: 0,
      impactMinutes: 0,
      availability: 1,
      ttm: { median: null, p90: null },
    });
  });

  it("returns the same numbers as queryWeeklyMetrics, the charts' query, for the same filter", async () => {
    await forEachScope<Body>(get, async (body, query) => {
      const charted = await queryWeeklyMetrics(db(), query);
      // The API leaves out `minutes` (the week's length), which only the charts' notes use.
      expect(body.weeks).toEqual(charted.map((week) => Object.fromEntries(Object.entries(week).filter(([key]) => key !== "minutes"))));
    });
    // cart alone in W10: 60 minutes; platform (search) alone: 90
    const cart = (await (await get("?from=2026-03-02&to=2026-03-02&service=cart")).json()) as Body;
    expect(cart.weeks).toMatchObject([{ week: "2026-W10", impactMinutes: 60, sev1: 1, sev2: 0 }]);
    const platform = (await (await get("?from=2026-03-02&to=2026-03-02&team=platform")).json()) as Body;
    expect(platform.weeks).toMatchObject([{ week: "2026-W10", impactMinutes: 90, sev1: 0, sev2: 1 }]);
  });

  it("answers bad, missing and reversed dates with a problem+json 400 naming from/to", async () => {
    await expectBadDatesNamed(get);
    const fields = (query: string) => badRequestFields(get(query));
    expect(await fields("?from=2026-03-01&to=03/08/2026")).toEqual(["to"]);
    expect(await fields("?from=2026-03-01&to=2026-03-08&colour=red")).toEqual(["colour"]);
  });

  it("answers an unknown service or team with 404 naming it, and a malformed slug with 400", async () => {
    const unknownService = await get("?from=2026-03-01&to=2026-03-08&service=nope");
    expect(unknownService.status).toBe(404);
    expect(((await unknownService.json()) as Problem).detail).toContain("service");
    const unknownTeam = await get("?from=2026-03-01&to=2026-03-08&team=nope");
    expect(unknownTeam.status).toBe(404);
    expect(((await unknownTeam.json()) as Problem).detail).toContain("team");
    expect((await get("?from=2026-03-01&to=2026-03-08&team=No%20Such")).status).toBe(400);
  });

  it("wants a token: 401 without one or with a bad one; a VIEWER's token is enough", async () => {
    await expectTokenRequired(get);
  });
});
