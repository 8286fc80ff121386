import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "@/lib/auth/permissions";
import type { Database } from "@/lib/db/client";
import { openRouteTestDatabase } from "@/test/route-handlers";

// PATCH /api/v1/incidents/{id}, called as Next.js calls it, against a real database.
type Handler = (request: Request, context: { params: Promise<{ id: string }> }) => Promise<Response>;
let postIncident: Handler;
let patchIncident: Handler;

let harness: Awaited<ReturnType<typeof openRouteTestDatabase>>;
let db: Database;
let tokens: Record<Role, { id: string; token: string }>;

beforeAll(async () => {
  harness = await openRouteTestDatabase();
  db = harness.db;
  const team = await db.team.create({ data: { slug: "storefront", name: "Storefront" } });
  await db.service.createMany({ data: ["checkout-api", "cart"].map((slug) => ({ slug, name: slug, teamId: team.id })) });
  tokens = await harness.mintTokens(["VIEWER", "ENGINEER"]);
  postIncident = (await import("@/app/api/v1/incidents/route")).POST as Handler;
  patchIncident = (await import("./route")).PATCH as Handler;
});
afterAll(() => harness.close());

const bearer = (role: Role) => ({ authorization: `Bearer ${tokens[role].token}`, "content-type": "application/json" });
const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();

async function fileIncident(): Promise<{ id: string; reference: string; version: number }> {
  const body = {
    title: "Checkout blocked for card payments",
    severity: "SEV1",
    status: "INVESTIGATING",
    services: ["checkout-api"],
    startedAt: hoursAgo(3),
    detectedAt: hoursAgo(2.75),
    impact: { usersAffected: 1200, regions: ["us-east-1"], capabilities: ["checkout"] },
    blastRadius: "SINGLE_SERVICE",
    rootCause: { category: "CODE_CHANGE", description: "A retry storm." },
  };
  const response = await postIncident(
    new Request("http://localhost/api/v1/incidents", { method: "POST", headers: bearer("ENGINEER"), body: JSON.stringify(body) }),
    { params: Promise.resolve({ id: "" }) },
  );
  expect(response.status).toBe(201);
  return (await response.json()) as { id: string; reference: string; version: number };
}

const patch = (id: string, role: Role, body: unknown) =>
  patchIncident(
    new Request(`http://localhost/api/v1/incidents/${id}`, {
      method: "PATCH",
      headers: bearer(role),
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
    { params: Promise.resolve({ id }) },
  );

type Problem = {
  status: number;
  detail?: string;
  errors?: { field: string; messages: string[] }[];
  currentVersion?: number;
  current?: { title: string; version: number };
};
async function expectProblem(response: Response, status: number): Promise<Problem> {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toBe("application/problem+json");
  return (await response.json()) as Problem;
}
const stateOf = async (id: string) => ({
  incident: await db.incident.findUniqueOrThrow({ where: { id } }),
  audit: await db.auditEvent.count({ where: { entityId: id } }),
});

describe("PATCH /api/v1/incidents/{id or reference}", () => {
  it("answers 200 with the updated incident, by reference or id, audited as the token", async () => {
    const incident = await fileIncident();
    const response = await patch(incident.reference.toLowerCase(), "ENGINEER", { version: 1, status: "MITIGATED", mitigatedAt: hoursAgo(1) });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ id: incident.id, version: 2, status: "MITIGATED", impactMinutes: 120 });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: incident.id, action: "incident.update" } });
    expect(audit).toMatchObject({ method: "API", actorTokenId: tokens.ENGINEER.id, actorLabel: "engineer-token" });
    expect((await patch(incident.id, "ENGINEER", { version: 2, title: "Card payments declined" })).status).toBe(200);
  });

  it("answers a stale version with 409, the current version and incident, writing nothing", async () => {
    const incident = await fileIncident();
    expect((await patch(incident.id, "ENGINEER", { version: 1, title: "Edited first" })).status).toBe(200);
    const before = await stateOf(incident.id);
    const body = await expectProblem(await patch(incident.id, "ENGINEER", { version: 1, title: "Edited second" }), 409);
    expect(body).toMatchObject({ currentVersion: 2, current: { title: "Edited first", version: 2 } });
    expect(body.detail).toMatch(/version 2/);
    expect(await stateOf(incident.id)).toEqual(before);
  });

  it("answers bad input with 400 and a broken rule with 422, field by field, writing nothing", async () => {
    const incident = await fileIncident();
    const before = await stateOf(incident.id);
    const bad = await expectProblem(await patch(incident.id, "ENGINEER", { title: "x", severity: "SEV9" }), 400);
    expect(bad.errors?.map((e) => e.field).sort()).toEqual(["severity", "title", "version"]);
    expect((await expectProblem(await patch(incident.id, "ENGINEER", "{ nope"), 400)).detail).toBe("body is not valid JSON");
    const rule = await expectProblem(await patch(incident.id, "ENGINEER", { version: 1, status: "RESOLVED", mitigatedAt: hoursAgo(2) }), 422);
    expect(rule.errors).toEqual([{ field: "resolvedAt", messages: ["is required when the status is Resolved"] }]);
    expect(await stateOf(incident.id)).toEqual(before);
  });

  it("answers 404 for an unknown incident and 403 for a VIEWER token", async () => {
    await expectProblem(await patch("INC-1999-0001", "ENGINEER", { version: 1, title: "Nobody" }), 404);
    const incident = await fileIncident();
    const before = await stateOf(incident.id);
    await expectProblem(await patch(incident.id, "VIEWER", { version: 1, title: "Viewer edit" }), 403);
    expect(await stateOf(incident.id)).toEqual(before);
  });

  it("lets exactly one of 50 concurrent PATCHes of one version win; 49 get 409 and nothing is lost", async () => {
    const incident = await fileIncident();
    const titles = Array.from({ length: 50 }, (_, i) => `Concurrent edit number ${i}`);
    const responses = await Promise.all(titles.map((title) => patch(incident.id, "ENGINEER", { version: 1, title, impact: { usersAffected: 2000 } })));
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);

    const winner = responses[statuses.indexOf(200)]!;
    const won = (await winner.json()) as { title: string; version: number };
    expect(won.version).toBe(2);
    for (const loser of responses.filter((r) => r.status === 409)) {
      expect((await loser.json()) as Problem).toMatchObject({ currentVersion: 2, current: { title: won.title } });
    }
    // The winner's edit is what is stored, once, with one audit row for it.
    const stored = await db.incident.findUniqueOrThrow({ where: { id: incident.id } });
    expect(stored).toMatchObject({ version: 2, title: won.title, usersAffected: 2000 });
    const audit = await db.auditEvent.findMany({ where: { entityId: incident.id, action: "incident.update" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]?.changes).toMatchObject({ version: { from: 1, to: 2 }, title: { to: won.title } });
  });
});
