import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "@/lib/auth/permissions";
import type { Database } from "@/lib/db/client";
import { ForbiddenError } from "@/lib/errors";
import { openRouteTestDatabase, type RouteHandler } from "@/test/route-handlers";
import { markNotRepeat } from "./mutations";

// Repeats through the API, by hand: OLD (40 days ago, checkout), MIDDLE (20 days ago, checkout
// and cart, three action items of which two were done 10 days ago), LATEST (2 days ago, cart and
// checkout), all code changes; OTHER (a day ago, checkout) is a config change. So LATEST repeats
// MIDDLE and OLD, MIDDLE repeats OLD, and OLD and OTHER repeat nothing.
let harness: Awaited<ReturnType<typeof openRouteTestDatabase>>;
let db: Database;
let tokens: Record<Role, { id: string; token: string }>;
let routes: Record<"list" | "file" | "get" | "patch" | "mark" | "unmark", RouteHandler>;
const refs: Record<string, string> = {};
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

const call = (handler: RouteHandler, method: string, path: string, role: Role, params: Record<string, string> = {}, body?: unknown) =>
  handler(
    new Request(`http://localhost${path}`, {
      method,
      headers: { authorization: `Bearer ${tokens[role].token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
    { params: Promise.resolve(params) },
  );

async function file(name: string, days: number, services: string[], category = "CODE_CHANGE") {
  const body = {
    title: name,
    severity: "SEV2",
    status: "RESOLVED",
    services,
    startedAt: daysAgo(days),
    mitigatedAt: daysAgo(days - 0.1),
    resolvedAt: daysAgo(days - 0.2),
    impact: { usersAffected: 10, regions: [], capabilities: [] },
    blastRadius: "SINGLE_SERVICE",
    rootCause: { category, description: "" },
  };
  const response = await call(routes.file, "POST", "/api/v1/incidents", "ENGINEER", {}, body);
  expect({ status: response.status, body: response.status === 201 ? null : await response.text() }).toEqual({ status: 201, body: null });
  const incident = (await response.json()) as { id: string; reference: string; repeats: { reference: string }[] };
  refs[name] = incident.reference;
  return incident;
}

const getIncident = async (name: string) => {
  const response = await call(routes.get, "GET", `/api/v1/incidents/${refs[name]}`, "VIEWER", { id: refs[name]! });
  expect(response.status).toBe(200);
  return (await response.json()) as { repeats: { reference: string; startedAt: string; actionItems: { total: number; doneBeforeRepeat: number } }[] };
};
const repeatsOf = async (name: string) => (await getIncident(name)).repeats.map((r) => r.reference);
const list = (query: string) => call(routes.list, "GET", `/api/v1/incidents?${query}`, "VIEWER");
const listed = async (query: string) => ((await (await list(query)).json()) as { items: { reference: string; repeat: boolean }[] }).items;
const pair = (earlier: string) => ({ id: refs.LATEST!, earlier: refs[earlier]! });
const path = (earlier: string) => `/api/v1/incidents/${refs.LATEST}/not-repeats/${refs[earlier]}`;

beforeAll(async () => {
  harness = await openRouteTestDatabase();
  db = harness.db;
  const team = await db.team.create({ data: { slug: "storefront", name: "Storefront" } });
  await db.service.createMany({ data: ["checkout", "cart"].map((slug) => ({ slug, name: slug, teamId: team.id })) });
  tokens = await harness.mintTokens(["VIEWER", "ENGINEER", "LEAD"]);
  const incidents = await import("@/app/api/v1/incidents/route");
  const one = await import("@/app/api/v1/incidents/[id]/route");
  const marks = await import("@/app/api/v1/incidents/[id]/not-repeats/[earlier]/route");
  routes = { list: incidents.GET, file: incidents.POST, get: one.GET, patch: one.PATCH, mark: marks.PUT, unmark: marks.DELETE } as typeof routes;
  await file("OLD", 40, ["checkout"]);
  const middle = await file("MIDDLE", 20, ["checkout", "cart"]);
  const owner = await db.user.create({ data: { email: "owner@example.test", role: "ENGINEER" } });
  const item = (title: string, status: "OPEN" | "DONE", completedAt: string | null) => ({
    incidentId: middle.id,
    title,
    ownerId: owner.id,
    dueDate: new Date(daysAgo(5)),
    type: "PREVENT" as const,
    status,
    completedAt: completedAt ? new Date(completedAt) : null,
  });
  await db.actionItem.createMany({ data: [item("retry budget", "DONE", daysAgo(10)), item("alert", "DONE", daysAgo(10)), item("load test", "OPEN", null)] });
  await file("LATEST", 2, ["cart", "checkout"]);
  await file("OTHER", 1, ["checkout"], "CONFIG_CHANGE");
});
afterAll(() => harness.close());

describe("an incident's repeats in the API", () => {
  it("come with the incident, newest first, each with its action items done before this one started", async () => {
    expect((await getIncident("LATEST")).repeats).toEqual([
      { reference: refs.MIDDLE, startedAt: expect.any(String), actionItems: { total: 3, doneBeforeRepeat: 2 } },
      { reference: refs.OLD, startedAt: expect.any(String), actionItems: { total: 0, doneBeforeRepeat: 0 } },
    ]);
    expect(await repeatsOf("OLD")).toEqual([]);
  });

  it("come with the 201 of filing and the 200 of an edit", async () => {
    const filed = await file("FILED-LATER", 1.5, ["cart"]);
    expect(filed.repeats.map((r) => r.reference)).toEqual([refs.LATEST, refs.MIDDLE]);
    const edited = await call(routes.patch, "PATCH", `/api/v1/incidents/${filed.id}`, "ENGINEER", { id: filed.id }, { version: 1, title: "Edited" });
    expect(edited.status).toBe(200);
    expect(((await edited.json()) as { repeats: { reference: string }[] }).repeats.map((r) => r.reference)).toEqual([refs.LATEST, refs.MIDDLE]);
    await db.incident.delete({ where: { id: filed.id } });
  });

  it("flag the list's items and filter them with repeat=true", async () => {
    expect((await listed("")).map((i) => [i.reference, i.repeat])).toEqual([
      [refs.OTHER, false],
      [refs.LATEST, true],
      [refs.MIDDLE, true],
      [refs.OLD, false],
    ]);
    expect((await listed("repeat=true")).map((i) => i.reference)).toEqual([refs.LATEST, refs.MIDDLE]);
    expect((await listed("repeat=true&service=cart")).map((i) => i.reference)).toEqual([refs.LATEST, refs.MIDDLE]);
    expect((await listed("repeat=true&rootCause=CONFIG_CHANGE")).map((i) => i.reference)).toEqual([]);
  });

  it("refuse a repeat filter that is not true, naming it", async () => {
    for (const value of ["yes", "false"]) {
      const response = await list(`repeat=${value}`);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ errors: [{ field: "repeat", messages: ['must be "true" (only incidents with at least one repeat)'] }] });
    }
  });
});

describe("marking a repeat as not one", () => {
  it("is refused to an ENGINEER, through the API and in the mutation itself", async () => {
    expect((await call(routes.mark, "PUT", path("OLD"), "ENGINEER", pair("OLD"), {})).status).toBe(403);
    const engineer = { userId: null, tokenId: null, label: "engineer", method: "UI" as const, role: "ENGINEER" as const };
    await expect(markNotRepeat(db, { incident: refs.LATEST!, earlier: refs.OLD! }, {}, engineer)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await db.notRepeatMark.count()).toBe(0);
  });

  it("lets a LEAD mark it, audited, and the pair leaves the repeats, the flag and the filter; undoing brings it back", async () => {
    const marked = await call(routes.mark, "PUT", path("OLD"), "LEAD", pair("OLD"), { reason: "Different code path" });
    expect(marked.status).toBe(200);
    expect(await marked.json()).toEqual({ incident: refs.LATEST, earlier: refs.OLD, changed: true });
    expect(await repeatsOf("LATEST")).toEqual([refs.MIDDLE]);
    // MIDDLE keeps OLD: the mark is for the pair only.
    expect(await repeatsOf("MIDDLE")).toEqual([refs.OLD]);
    const again = await call(routes.mark, "PUT", path("OLD"), "LEAD", pair("OLD"));
    expect(await again.json()).toMatchObject({ changed: false });
    const audit = await db.auditEvent.findMany({ where: { action: { startsWith: "incident.not_repeat" } } });
    expect(audit).toEqual([
      expect.objectContaining({
        action: "incident.not_repeat",
        entityType: "Incident",
        actorLabel: "lead-token",
        changes: { notRepeatOf: { from: null, to: refs.OLD }, notRepeatReason: { from: null, to: "Different code path" } },
      }),
    ]);

    // With MIDDLE marked too, LATEST has no repeat left: off the filter, its flag false.
    expect((await call(routes.mark, "PUT", path("MIDDLE"), "LEAD", pair("MIDDLE"))).status).toBe(200);
    expect((await listed("repeat=true")).map((i) => i.reference)).toEqual([refs.MIDDLE]);

    const undone = await call(routes.unmark, "DELETE", path("OLD"), "LEAD", pair("OLD"));
    expect(await undone.json()).toEqual({ incident: refs.LATEST, earlier: refs.OLD, changed: true });
    expect(await repeatsOf("LATEST")).toEqual([refs.OLD]);
    expect(
      await db.auditEvent.count({ where: { action: "incident.not_repeat_undone", changes: { equals: { notRepeatOf: { from: refs.OLD, to: null } } } } }),
    ).toBe(1);
    expect(await (await call(routes.unmark, "DELETE", path("OLD"), "LEAD", pair("OLD"))).json()).toMatchObject({ changed: false });
  });

  it("refuses a pair that is not a repeat (409), an unknown incident (404) and an unknown field (400), writing nothing", async () => {
    const before = await db.notRepeatMark.count();
    const notRepeat = await call(routes.mark, "PUT", `/api/v1/incidents/${refs.OLD}/not-repeats/${refs.OTHER}`, "LEAD", {
      id: refs.OLD!,
      earlier: refs.OTHER!,
    });
    expect(notRepeat.status).toBe(409);
    expect((await call(routes.mark, "PUT", path("OLD"), "LEAD", { id: refs.LATEST!, earlier: "INC-1999-0001" })).status).toBe(404);
    const unknownField = await call(routes.mark, "PUT", path("OLD"), "LEAD", pair("OLD"), { reason: "x", incident: "OTHER" });
    expect(unknownField.status).toBe(400);
    expect(await db.notRepeatMark.count()).toBe(before);
  });
});

describe("the list's count with the repeat filter", () => {
  it("stops at 1 000: the rule is judged row by row", async () => {
    // 1 100 more incidents on cart, an hour apart, all code changes: each but the first repeats the one before.
    await db.$executeRaw`
      WITH made AS (
        INSERT INTO incidents (id, reference, title, severity, status, started_at, blast_radius, root_cause_category, updated_at)
        SELECT gen_random_uuid(), 'BULK-' || n, 'bulk ' || n, 'SEV2', 'RESOLVED', now() - interval '30 days' - n * interval '1 hour',
          'SINGLE_SERVICE', 'CODE_CHANGE', now()
        FROM generate_series(1, 1100) AS n RETURNING id)
      INSERT INTO incident_services (incident_id, service_id) SELECT made.id, s.id FROM made, services s WHERE s.slug = 'cart'`;
    const { listIncidentPage } = await import("@/features/incidents/reads");
    const page = await listIncidentPage(db, { filters: { repeat: true }, withTotal: true });
    expect(page.total).toEqual({ count: 1_000, more: true });
    expect((await listIncidentPage(db, { withTotal: true })).total).toEqual({ count: 1_104, more: false });
  });
});
