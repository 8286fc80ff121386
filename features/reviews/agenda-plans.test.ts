// The agenda's queries read indexes, never a whole table of incidents, postmortems or action
// items, and its bounded lists hold the right rows, counts and links on a hand-made week.
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/database";
import { planOf } from "@/test/explain";
import { toAgendaResponse } from "./reads/agenda-response";
import { frozenWeekIncidentsSql, loadReviewView } from "./reads/review";
import { overdueActionItemsSql, pendingPostmortemsSql } from "./reads/backlog-facts";
import { fileTestIncident, NOW, WEEK } from "./test-week";
import { loadWeekIncidents, weekIncidentsSql } from "./reads/week-incidents";

const { db, url } = useTestDatabase();
const START = new Date("2026-03-02T00:00:00Z");
const END = new Date("2026-03-09T00:00:00Z");
const GUARDED = ["incidents", "postmortems", "action_items"];

/** SEV2s of W10 with 10, 20, … minutes of impact; every third one AI-assisted, every sixth a policy violation. */
async function seedSev2s(count: number) {
  for (let n = 1; n <= count; n++) {
    const startedAt = new Date(Date.UTC(2026, 2, 2 + (n % 7), 8, n));
    const mitigatedAt = new Date(startedAt.getTime() + n * 10 * 60_000);
    const ai = n % 3 === 0 ? { involvement: "ASSISTED", tool: "Cursor" } : { involvement: "NONE" };
    const change = n % 6 === 0 ? { authorLevel: "MID", approval: "PEER" } : { authorLevel: "MID", approval: "SENIOR" };
    await fileTestIncident(db, {
      title: `Sev2 number ${n}`,
      severity: "SEV2",
      startedAt: startedAt.toISOString(),
      mitigatedAt: mitigatedAt.toISOString(),
      resolvedAt: mitigatedAt.toISOString(),
      ai,
      change,
    });
  }
}

beforeAll(async () => {
  const team = await db.team.create({ data: { slug: "storefront", name: "Storefront" } });
  await db.service.create({ data: { slug: "checkout-api", name: "Checkout API", teamId: team.id } });
  await seedSev2s(60);
  await fileTestIncident(db, {
    title: "Checkout down",
    severity: "SEV1",
    startedAt: "2026-03-04T08:00:00Z",
    mitigatedAt: "2026-03-04T08:05:00Z",
    resolvedAt: "2026-03-04T09:00:00Z",
  });
  await db.$executeRawUnsafe("ANALYZE");
}, 120_000);

describe("the agenda's query plans", () => {
  it.each([
    ["the week's shown incidents and counts", () => weekIncidentsSql(START, END, NOW, 50)],
    ["the overdue action items", () => overdueActionItemsSql("2026-03-11", 50)],
    ["the pending postmortems", () => pendingPostmortemsSql(START, 50)],
    [
      "a frozen agenda's incidents",
      () => frozenWeekIncidentsSql({ frozenAt: NOW.toISOString(), judgedOn: "2026-03-11", details: {}, incidentVersions: { "INC-2026-0001": 1 } }, START, END),
    ],
  ])("read %s through indexes", async (_name, sql) => {
    const plan = await planOf(url(), sql());
    expect(plan.sequentialScans.filter((table) => GUARDED.includes(table))).toEqual([]);
  });
});

describe("a week of more SEV2s than the agenda lists", () => {
  it("counts every incident and loads only the SEV1s, the 50 SEV2s with most impact and the first 50 AI-involved ones", async () => {
    const { counts, rows } = await loadWeekIncidents(db, START, END, NOW, 50);
    // AI-involved: n = 3, 6, …, 60 (20); violations: n = 6, 12, …, 60 (10).
    expect(counts).toEqual({ sev1: 1, sev2: 60, aiInvolved: 20, aiPolicyViolations: 10 });
    const sev2s = rows.filter((r) => r.severity === "SEV2").map((r) => r.title);
    // The 50 with most impact are n = 11..60; the AI-involved ones below them (n = 3, 6, 9) are loaded for the AI review.
    expect(sev2s).toHaveLength(53);
    expect(sev2s).not.toContain("Sev2 number 10");
    expect(rows.find((r) => r.title === "Checkout down")?.services).toEqual(["checkout-api"]);
  });

  it("proposes bounded items with counts, the top rows and links to the rest", async () => {
    const view = await loadReviewView(db, WEEK, NOW);
    const roundup = view.items.find((i) => i.kind === "SEV2_ROUNDUP");
    expect(roundup?.title).toBe("Sev2 roundup: 60 incidents");
    if (roundup?.detail?.kind !== "SEV2_ROUNDUP") throw new Error("no roundup");
    expect(roundup.detail.incidents.map((i) => i.impactMinutes)).toEqual(Array.from({ length: 50 }, (_, k) => (60 - k) * 10));
    expect(roundup.detail.more).toBe(10);

    const ai = view.items.find((i) => i.kind === "AI_CHANGE_REVIEW");
    expect(ai?.title).toBe("AI-involved changes: 20 incidents, 10 policy violations");
    if (ai?.detail?.kind !== "AI_CHANGE_REVIEW") throw new Error("no AI review");
    // Violations first (n = 60, 54, …, 6), then the others by impact (n = 57, 51, …, 3).
    expect(ai.detail.incidents.map((i) => i.title)).toEqual([
      ...Array.from({ length: 10 }, (_, k) => `Sev2 number ${60 - 6 * k}`),
      ...Array.from({ length: 10 }, (_, k) => `Sev2 number ${57 - 6 * k}`),
    ]);

    const response = toAgendaResponse(view);
    expect(response.items.find((i) => i.kind === "SEV2_ROUNDUP")).toMatchObject({
      total: 60,
      shown: 50,
      listUrl: "/incidents?severity=SEV2&from=2026-03-02&to=2026-03-08",
    });
    expect(response.items.find((i) => i.kind === "SEV2_ROUNDUP")?.incidentReferences).toHaveLength(50);
    expect(response.items.find((i) => i.kind === "AI_CHANGE_REVIEW")).toMatchObject({
      total: 20,
      shown: 20,
      listUrl: "/incidents?ai=ASSISTED%2CGENERATED%2CAGENT&from=2026-03-02&to=2026-03-08",
    });
    expect(response.items.find((i) => i.kind === "SEV1_DEEP_DIVE")).not.toHaveProperty("total");
  });
});
