import { describe, expect, it } from "vitest";
import { changeMetricsSchema } from "@/features/api-docs/change-metrics-schema";
import { queryChangeMetrics } from "@/features/changes/metrics";
import { addChanges } from "@/features/changes/metrics-fixtures";
import { addIncident, badRequestFields, expectBadDatesNamed, expectTokenRequired, forEachScope, useMetricsRoute } from "@/features/metrics/test-fixtures";

// GET /api/v1/metrics/changes, called as Next.js calls it, on a real database.
const { db, get } = useMetricsRoute(
  "/api/v1/metrics/changes",
  () => import("./route"),
  async (database) => {
    // 2026-W10 (Mon 2 March): on cart an AI-generated change without sign-off that an incident
    // names (mitigated after 45 minutes) and a plain one; on search one plain change. W11: none.
    await addChanges(database, [
      { reference: "deploy-1", service: "cart", deployedAt: "2026-03-03T09:00:00Z", ai: "GENERATED", violating: true },
      { reference: "deploy-2", service: "cart", deployedAt: "2026-03-04T09:00:00Z" },
      { reference: "deploy-3", service: "search", deployedAt: "2026-03-05T09:00:00Z" },
    ]);
    await addIncident(database, { services: ["cart"], startedAt: "2026-03-03T10:00:00Z", mitigatedAt: "2026-03-03T10:45:00Z", changeReference: "deploy-1" });
  },
);

type Body = { weeks: Record<string, unknown>[]; total: Record<string, unknown> };
type Problem = { status: number; detail?: string; errors?: { field: string; messages: string[] }[] };
const none = { changes: 0, failed: 0, changeFailureRate: null };

describe("GET /api/v1/metrics/changes", () => {
  it("answers the documented shape: every ISO week overlapping [from, to], split by AI and sign-off, and the total", async () => {
    // Sun 8 March is in W10, Tue 10 March in W11
    const response = await get("?from=2026-03-08&to=2026-03-10");
    expect(response.status).toBe(200);
    const body = (await response.json()) as Body;
    expect(Object.keys(body)).toEqual(["weeks", "total"]);
    expect(body.weeks.map((w) => Object.keys(w))).toEqual(
      [0, 1].map(() => ["week", "start", "changes", "failed", "changeFailureRate", "byAi", "bySignOff", "recovery"]),
    );
    // W10: 3 changes, deploy-1 failed: 1/3; generated 1 of 1; violating 1 of 1, compliant 0 of 2; recovery 45 min
    expect(body.weeks[0]).toEqual({
      week: "2026-W10",
      start: "2026-03-02",
      changes: 3,
      failed: 1,
      changeFailureRate: 1 / 3,
      byAi: { NONE: { changes: 2, failed: 0, changeFailureRate: 0 }, ASSISTED: none, GENERATED: { changes: 1, failed: 1, changeFailureRate: 1 }, AGENT: none },
      bySignOff: { compliant: { changes: 2, failed: 0, changeFailureRate: 0 }, violating: { changes: 1, failed: 1, changeFailureRate: 1 } },
      recovery: { median: 45, p90: 45 },
    });
    expect(body.weeks[1]).toMatchObject({ week: "2026-W11", ...none, recovery: { median: null, p90: null } });
    expect(body.total).toMatchObject({ changes: 3, failed: 1, recovery: { median: 45, p90: 45 } });
    // The OpenAPI document requires exactly these fields.
    expect(Object.keys(body.weeks[0]!)).toEqual(changeMetricsSchema.properties.weeks.items.required);
    expect(Object.keys(body.total)).toEqual(changeMetricsSchema.properties.total.required);
  });

  it("returns the same numbers as queryChangeMetrics, the charts' query, for the same filter", async () => {
    await forEachScope<Body>(get, async (body, query) => {
      expect(body).toEqual(await queryChangeMetrics(db(), query));
    });
    const platform = (await (await get("?from=2026-03-02&to=2026-03-02&team=platform")).json()) as Body;
    expect(platform.total).toMatchObject({ changes: 1, failed: 0, changeFailureRate: 0 }); // deploy-3 on search
  });

  it("answers bad, missing and reversed dates and unknown parameters with a problem+json 400 naming them", async () => {
    await expectBadDatesNamed(get);
    const fields = (query: string) => badRequestFields(get(query));
    expect(await fields("?from=2026-03-01&to=2026-03-08&ai=ASSISTED")).toEqual(["ai"]);
    expect(await fields("?from=2026-03-01&to=2026-03-08&service=Not%20A%20Slug")).toEqual(["service"]);
  });

  it("answers an unknown service or team with 404 naming it", async () => {
    for (const field of ["service", "team"]) {
      const response = await get(`?from=2026-03-01&to=2026-03-08&${field}=nope`);
      expect(response.status).toBe(404);
      expect(((await response.json()) as Problem).detail).toContain(`parameter ${field}`);
    }
  });

  it("wants a token: 401 without one; a VIEWER's token is enough", async () => {
    await expectTokenRequired(get);
  });
});
