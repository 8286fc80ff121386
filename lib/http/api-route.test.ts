import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Role } from "@/lib/auth/permissions";
import type { Database } from "@/lib/db/client";
import { mitigatedIncidentBody } from "@/test/incident-body";
import { openRouteTestDatabase, type RouteHandler as Handler } from "@/test/route-handlers";
import { problemFromError } from "./problem";

// The /api/v1 route handlers, called as Next.js calls them, against a real database.
let harness: Awaited<ReturnType<typeof openRouteTestDatabase>>;
let db: Database;
let tokens: Record<Role, { id: string; token: string }>;
let postIncident: Handler, getIncident: Handler, postService: Handler;

beforeAll(async () => {
  harness = await openRouteTestDatabase();
  db = harness.db;
  const { id: teamId } = await db.team.create({ data: { slug: "storefront", name: "Storefront" } });
  await db.service.create({ data: { slug: "checkout-api", name: "Checkout API", teamId } });
  tokens = await harness.mintTokens(["VIEWER", "ENGINEER", "LEAD"]);
  postIncident = (await import("@/app/api/v1/incidents/route")).POST as Handler;
  getIncident = (await import("@/app/api/v1/incidents/[id]/route")).GET as Handler;
  postService = (await import("@/app/api/v1/services/route")).POST as Handler;
});
afterAll(() => harness.close());

const noParams = { params: Promise.resolve({}) };
const bearer = (role: Role): Record<string, string> => ({ authorization: `Bearer ${tokens[role].token}` });
const post = (handler: Handler, path: string, headers: Record<string, string>, body: unknown) =>
  handler(
    new Request(`http://localhost${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
    noParams,
  );
const getById = (id: string, headers: Record<string, string>) =>
  getIncident(new Request(`http://localhost/api/v1/incidents/${id}`, { headers }), { params: Promise.resolve({ id }) });

const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();
const incidentBody = () =>
  mitigatedIncidentBody({
    title: "Checkout blocked for card payments",
    severity: "SEV1",
    usersAffected: 1200,
    region: "us-east-1",
    minutesAgo: { started: 180, detected: 165, mitigated: 60 },
    rootCause: { category: "CODE_CHANGE", description: "A retry storm." },
    change: { reference: "PR-1", authorLevel: "MID", approval: "PEER" },
    ai: { involvement: "AGENT", tool: "Kiro" },
  });
const counts = async () => ({ incidents: await db.incident.count(), services: await db.service.count(), audit: await db.auditEvent.count() });

async function expectProblem(response: Response, status: number) {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toBe("application/problem+json");
  const body = (await response.json()) as { status: number; title: string; detail?: string; errors?: { field: string; messages: string[] }[] };
  expect(body).toMatchObject({ type: "about:blank", status });
  return body;
}

describe("authentication and authorisation, enforced by the route itself", () => {
  it("refuses a request without a token with 401 and a Bearer challenge, writing nothing", async () => {
    const before = await counts();
    const response = await post(postIncident, "/api/v1/incidents", {}, incidentBody());
    const body = await expectProblem(response, 401);
    expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect(body.detail).toMatch(/Authorization: Bearer/);
    expect(await counts()).toEqual(before);
  });

  it("is not fooled by x-middleware-subrequest, a forged token, a session cookie or Basic auth", async () => {
    const tricks: Record<string, string>[] = [
      { "x-middleware-subrequest": "middleware" },
      { "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware" },
      { authorization: "Bearer opr_forged" },
      { cookie: "next-auth.session-token=anything" },
      { authorization: `Basic ${Buffer.from(`x:${tokens.LEAD.token}`).toString("base64")}` },
    ];
    for (const headers of tricks) {
      await expectProblem(await post(postIncident, "/api/v1/incidents", headers, incidentBody()), 401);
      await expectProblem(await getById("INC-2026-0001", headers), 401);
    }
  });

  it("refuses a VIEWER token filing an incident with 403, writing nothing", async () => {
    const before = await counts();
    const body = await expectProblem(await post(postIncident, "/api/v1/incidents", bearer("VIEWER"), incidentBody()), 403);
    expect(body.detail).toMatch(/VIEWER/);
    expect(await counts()).toEqual(before);
  });

  it("refuses a revoked token with 401", async () => {
    const { token, id } = await harness.mintToken("ENGINEER", "short-lived");
    await db.apiToken.update({ where: { id }, data: { revokedAt: new Date() } });
    await expectProblem(await post(postIncident, "/api/v1/incidents", { authorization: `Bearer ${token}` }, incidentBody()), 401);
  });
});

describe("POST /api/v1/incidents", () => {
  it("answers input of the wrong shape with 400 and a field-by-field list", async () => {
    const before = await counts();
    const bad = { ...incidentBody(), title: "x", severity: "SEV9", impact: { usersAffected: -1 } };
    const body = await expectProblem(await post(postIncident, "/api/v1/incidents", bearer("ENGINEER"), bad), 400);
    const fields = body.errors?.map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(["title", "severity", "impact.usersAffected"]));
    expect(body.errors?.find((e) => e.field === "severity")?.messages[0]).toMatch(/SEV1 or SEV2/);
    expect(await counts()).toEqual(before);
  });

  it("lists every problem at once, the rules between fields beside the wrong shapes, allowed values with their words", async () => {
    const bad = { ...incidentBody(), blastRadius: "HUGE", impact: { usersAffected: -1 }, detectedAt: undefined, mitigatedAt: hoursAgo(4) };
    const body = await expectProblem(await post(postIncident, "/api/v1/incidents", bearer("ENGINEER"), bad), 400);
    expect(body.errors).toEqual([
      { field: "impact.usersAffected", messages: ["cannot be negative"] },
      { field: "blastRadius", messages: ["must be one of SINGLE_SERVICE (Single service), MULTI_SERVICE (Multi-service), REGIONAL or SITE_WIDE (Site-wide)"] },
      { field: "mitigatedAt", messages: ["cannot be before the impact started"] },
    ]);
  });

  it("answers a body that is not JSON with 400", async () => {
    const body = await expectProblem(await post(postIncident, "/api/v1/incidents", bearer("ENGINEER"), "{ not json"), 400);
    expect(body.detail).toBe("body is not valid JSON");
  });

  it("answers a broken rule between fields with 422 naming the field", async () => {
    const before = await counts();
    const input = { ...incidentBody(), detectedAt: undefined, mitigatedAt: hoursAgo(4) };
    const body = await expectProblem(await post(postIncident, "/api/v1/incidents", bearer("ENGINEER"), input), 422);
    expect(body.errors).toEqual([{ field: "mitigatedAt", messages: ["cannot be before the impact started"] }]);
    expect(await counts()).toEqual(before);
  });

  it("files an incident with 201, its reference, version, derived fields and Location; audited as the token", async () => {
    const response = await post(postIncident, "/api/v1/incidents", bearer("ENGINEER"), incidentBody());
    expect(response.status).toBe(201);
    const incident = (await response.json()) as { id: string; reference: string };
    expect(incident).toMatchObject({
      reference: expect.stringMatching(/^INC-\d{4}-\d{4}$/),
      version: 1,
      services: ["checkout-api"],
      impactMinutes: 120,
      ttdMinutes: 15,
      ttmMinutes: 120,
      ttrMinutes: null,
      policyViolation: true,
    });
    expect(response.headers.get("location")).toBe(`/api/v1/incidents/${incident.reference}`);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: incident.id } });
    expect(audit).toMatchObject({ action: "incident.create", method: "API", actorTokenId: tokens.ENGINEER.id, actorLabel: "engineer-token" });

    const read = await getById(incident.reference.toLowerCase(), bearer("VIEWER"));
    expect(read.status).toBe(200);
    expect(await read.json()).toMatchObject({ id: incident.id, reference: incident.reference });
    expect((await getById(incident.id, bearer("VIEWER"))).status).toBe(200);
  });
});

describe("GET /api/v1/incidents/{id}", () => {
  it("answers an unknown id or reference with 404", async () => {
    for (const id of ["INC-1999-0001", "00000000-0000-4000-8000-000000000000", "nonsense"]) {
      const body = await expectProblem(await getById(id, bearer("VIEWER")), 404);
      expect(body.detail).toContain(id);
    }
  });
});

describe("POST /api/v1/services", () => {
  const service = { slug: "search-api", name: "Search API", team: "discovery-platform", sloTarget: 0.995 };

  it("refuses an ENGINEER token with 403", async () => {
    await expectProblem(await post(postService, "/api/v1/services", bearer("ENGINEER"), service), 403);
    expect(await db.service.count({ where: { slug: service.slug } })).toBe(0);
  });

  it("creates the service and its new team with 201, then answers the same slug with 409", async () => {
    const response = await post(postService, "/api/v1/services", bearer("LEAD"), service);
    expect(response.status).toBe(201);
    const created = (await response.json()) as { id: string };
    expect(created).toMatchObject({
      slug: "search-api",
      name: "Search API",
      sloTarget: 0.995,
      team: { slug: "discovery-platform", name: "Discovery Platform" },
    });
    const audit = await db.auditEvent.findMany({ where: { actorTokenId: tokens.LEAD.id }, orderBy: { id: "asc" } });
    expect(audit.map((a) => [a.action, a.method])).toEqual([
      ["team.create", "API"],
      ["service.create", "API"],
    ]);

    const before = await counts();
    const duplicate = await expectProblem(await post(postService, "/api/v1/services", bearer("LEAD"), { ...service, name: "Other" }), 409);
    expect(duplicate.detail).toContain("search-api");
    expect(await counts()).toEqual(before);
  });

  it("defaults the SLO target to 0.999 and joins an existing team", async () => {
    const response = await post(postService, "/api/v1/services", bearer("LEAD"), { slug: "cart", name: "Cart", team: "storefront" });
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ sloTarget: 0.999, team: { slug: "storefront", name: "Storefront" } });
    expect(await db.team.count({ where: { slug: "storefront" } })).toBe(1);
  });

  it("answers a bad slug or SLO target with 400 and the fields", async () => {
    const body = await expectProblem(
      await post(postService, "/api/v1/services", bearer("LEAD"), { slug: "Bad Slug", name: "B", team: "x", sloTarget: 1 }),
      400,
    );
    expect(body.errors?.map((e) => e.field).sort()).toEqual(["name", "sloTarget", "slug", "team"]);
  });
});

describe("caching", () => {
  it("marks every answer no-store, the JSON ones as well as the problems", async () => {
    const created = await post(postIncident, "/api/v1/incidents", bearer("ENGINEER"), incidentBody());
    expect(created.status).toBe(201);
    const { reference } = (await created.json()) as { reference: string };
    const answers = [created, await getById(reference, bearer("VIEWER")), await getById(reference, {}), await getById("INC-1999-0001", bearer("VIEWER"))];
    expect(answers.map((r) => r.status)).toEqual([201, 200, 401, 404]);
    for (const answer of answers) expect(answer.headers.get("cache-control"), String(answer.status)).toBe("no-store");
  });
});

describe("problemFromError", () => {
  it("logs an unexpected error with its context and answers a generic 500 that leaks nothing", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const body = await expectProblem(problemFromError(new Error("password=hunter2 at pg"), "GET /api/v1/x"), 500);
    expect(JSON.stringify(body)).not.toContain("hunter2");
    expect(log).toHaveBeenCalledWith("GET /api/v1/x failed", expect.any(Error));
    log.mockRestore();
  });
});
