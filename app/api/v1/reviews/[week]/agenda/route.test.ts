import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toAgendaResponse } from "@/features/reviews/reads/agenda-response";
import { loadReviewView } from "@/features/reviews/reads/review";
import { addCustomItem } from "@/features/reviews/mutations/agenda-edits";
import { createReviewWeek, leadActor, recordTestChange, WEEK } from "@/features/reviews/test-week";
import type { Database } from "@/lib/db/client";
import { openRouteTestDatabase, type RouteHandler } from "@/test/route-handlers";

// GET /api/v1/reviews/{isoWeek}/agenda, called as Next.js calls it, against a real database.
let getAgenda: RouteHandler;
let harness: Awaited<ReturnType<typeof openRouteTestDatabase>>;
let db: Database;
let viewerToken: string;
let references: { shortSev1: string; longSev1: string; sev2: string };

beforeAll(async () => {
  harness = await openRouteTestDatabase();
  db = harness.db;
  const week = await createReviewWeek(db);
  references = { shortSev1: week.shortSev1.reference, longSev1: week.longSev1.reference, sev2: week.sev2.reference };
  await db.actionItem.create({
    data: { incidentId: week.shortSev1.id, title: "Add a canary", ownerId: week.lead.id, dueDate: new Date("2026-03-01T00:00:00Z"), type: "PREVENT" },
  });
  // A MID's AI-assisted change with PEER sign-off, deployed in the week; no incident names it.
  await recordTestChange(db, "CHG-API-1", { ai: { involvement: "ASSISTED" } });
  viewerToken = (await harness.mintToken("VIEWER")).token;
  getAgenda = (await import("./route")).GET as RouteHandler;
});
afterAll(() => harness.close());

const get = (week: string, token: string | null = viewerToken) =>
  getAgenda(new Request(`http://localhost/api/v1/reviews/${week}/agenda`, { headers: token ? { authorization: `Bearer ${token}` } : {} }), {
    params: Promise.resolve({ week }),
  });

describe("GET /api/v1/reviews/{isoWeek}/agenda", () => {
  it("returns the proposed agenda in the documented shape", async () => {
    const response = await get(WEEK);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ week: WEEK, frozen: false });
    expect(body.items.map((i: { kind: string; order: number }) => [i.order, i.kind])).toEqual([
      [1, "METRICS"],
      [2, "SEV1_DEEP_DIVE"],
      [3, "SEV1_DEEP_DIVE"],
      [4, "AI_CHANGE_REVIEW"],
      [5, "SEV2_ROUNDUP"],
      [6, "OVERDUE_ACTION_ITEMS"],
      [7, "WHEEL"],
    ]);
    expect(body.items[1]).toEqual({
      kind: "SEV1_DEEP_DIVE",
      title: `${references.longSev1}: Checkout down`,
      incidentReferences: [references.longSev1],
      order: 2,
      minutes: 10,
    });
    expect(body.items[3].incidentReferences).toEqual([references.shortSev1, references.sev2]);
    expect(body.items[5]).toMatchObject({ incidentReferences: [references.shortSev1], actionItemIds: [expect.any(String)] });
    expect(body.items[6]).toEqual({
      kind: "WHEEL",
      title: expect.stringMatching(/^The wheel: /),
      incidentReferences: [],
      order: 7,
      minutes: 5,
      service: expect.any(String),
    });
    expect(body.items[0]).not.toHaveProperty("actionItemIds");
    expect(body.items[0].changes).toEqual({
      changes: 1,
      failed: 0,
      changeFailureRate: 0,
      aiInvolved: { changes: 1, failed: 0, changeFailureRate: 0 },
      other: { changes: 0, failed: 0, changeFailureRate: null },
      withoutRequiredSignOff: 1,
      weekRunning: false,
    });
    expect(body.items[1]).not.toHaveProperty("changes");
  });

  it("returns what the review page shows, edits included", async () => {
    const lead = await db.user.findFirstOrThrow({ where: { role: "LEAD" } });
    await addCustomItem(db, { week: WEEK, version: 0, title: "Sale readiness", minutes: 10 }, leadActor(lead.id));
    const body = await (await get(WEEK)).json();
    expect(body).toEqual(JSON.parse(JSON.stringify(toAgendaResponse(await loadReviewView(db, WEEK)))));
    expect(body.items.at(-1)).toMatchObject({ kind: "CUSTOM", title: "Sale readiness", order: 8, incidentReferences: [] });
  });

  it("names a malformed week", async () => {
    for (const week of ["2026-10", "2026-W54", "2025-W53"]) {
      const response = await get(week);
      expect(response.status, week).toBe(400);
      expect(response.headers.get("content-type")).toContain("application/problem+json");
      expect(JSON.stringify(await response.json())).toContain("isoWeek");
    }
  });

  it("needs a token", async () => {
    expect((await get(WEEK, null)).status).toBe(401);
    expect((await get(WEEK, "not-a-token")).status).toBe(401);
  });
});
