import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "@/lib/auth/permissions";
import type { Database } from "@/lib/db/client";
import { signatureHeaderFor } from "@/features/pagerduty/signature";
import { signed, writtenRows } from "@/features/pagerduty/test-fixtures";
import { openRouteTestDatabase, type RouteHandler } from "@/test/route-handlers";

// The PagerDuty settings and webhook endpoints and the incident list's source filter, called as Next.js calls them.
let harness: Awaited<ReturnType<typeof openRouteTestDatabase>>;
let db: Database;
let tokens: Record<Role, { id: string; token: string }>;
let settings: { GET: RouteHandler; PUT: RouteHandler };
let webhook: RouteHandler;
let incidents: RouteHandler;
const SECRET = "route-test-secret";

beforeAll(async () => {
  harness = await openRouteTestDatabase();
  db = harness.db;
  const team = await db.team.create({ data: { slug: "storefront", name: "Storefront" } });
  await db.service.createMany({ data: ["checkout-api", "cart"].map((slug) => ({ slug, name: slug, teamId: team.id })) });
  tokens = await harness.mintTokens(["VIEWER", "ENGINEER", "LEAD", "ADMIN"]);
  const route = await import("./route");
  settings = { GET: route.GET as RouteHandler, PUT: route.PUT as RouteHandler };
  webhook = (await import("./webhook/route")).POST as RouteHandler;
  incidents = (await import("@/app/api/v1/incidents/route")).GET as RouteHandler;
});
afterAll(() => harness.close());

const noParams = { params: Promise.resolve({}) };
const call = (handler: RouteHandler, method: string, role: Role, body?: unknown, headers: Record<string, string> = {}) =>
  handler(
    new Request("http://localhost/api/v1/integrations/pagerduty", {
      method,
      headers: { authorization: `Bearer ${tokens[role].token}`, "content-type": "application/json", ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
    noParams,
  );
const post = (body: string, signature: string | null) =>
  webhook(
    new Request("http://localhost/api/v1/integrations/pagerduty/webhook", {
      method: "POST",
      headers: { "content-type": "application/json", ...(signature ? { "x-pagerduty-signature": signature } : {}) },
      body,
    }),
    noParams,
  );
type Problem = { status: number; detail?: string; errors?: { field: string; messages: string[] }[] };
const problemOf = async (response: Response, status: number) => {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toBe("application/problem+json");
  return (await response.json()) as Problem;
};
const trigger = { id: "01ROUTE1", type: "incident.triggered", pagerDutyId: "QROUTE1", occurredAt: "2026-12-01T10:00:00Z", createdAt: "2026-12-01T10:00:00Z" };

describe("POST /api/v1/integrations/pagerduty/webhook before any configuration", () => {
  it("answers 401 and writes nothing when no signing secret is configured", async () => {
    const before = await writtenRows(db);
    const { body, signature } = signed(trigger, SECRET);
    const problem = await problemOf(await post(body, signature), 401);
    expect(problem.detail).toMatch(/No signing secret is configured/);
    expect(await writtenRows(db)).toEqual(before);
  });
});

describe("GET and PUT /api/v1/integrations/pagerduty", () => {
  it("refuses VIEWER, ENGINEER and LEAD tokens with 403", async () => {
    for (const role of ["VIEWER", "ENGINEER", "LEAD"] as const) {
      await problemOf(await call(settings.GET, "GET", role), 403);
      await problemOf(await call(settings.PUT, "PUT", role, { services: {}, priorities: {} }), 403);
    }
  });

  it("starts from the default priorities, saves the mapping, and never returns a secret", async () => {
    const initial = await call(settings.GET, "GET", "ADMIN");
    expect(await initial.json()).toMatchObject({
      signingSecretCount: 0,
      services: {},
      defaultService: null,
      priorities: { P1: "SEV1", P2: "SEV2" },
      version: 1,
    });
    const saved = await call(settings.PUT, "PUT", "ADMIN", {
      signingSecrets: [` ${SECRET} `],
      services: { PCHECKOUT: "checkout-api" },
      defaultService: "cart",
      priorities: { P1: "SEV1", P2: "SEV2", P3: "SEV2" },
    });
    expect(saved.status).toBe(200);
    expect(saved.headers.get("etag")).toBe('"2"');
    const text = await saved.text();
    expect(text).not.toContain(SECRET);
    expect(JSON.parse(text)).toMatchObject({
      signingSecretCount: 1,
      services: { PCHECKOUT: "checkout-api" },
      defaultService: "cart",
      version: 2,
      updatedBy: "admin-token",
    });
    const read = await (await call(settings.GET, "GET", "ADMIN")).text();
    expect(read).not.toContain(SECRET);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "pagerduty.settings.update" } });
    expect(JSON.stringify(audit.changes)).not.toContain(SECRET);
  });

  it("keeps the secrets when the body leaves them out, and refuses a stale If-Match with 409", async () => {
    const kept = await call(settings.PUT, "PUT", "ADMIN", { services: { PCHECKOUT: "checkout-api" }, priorities: { P1: "SEV1" } }, { "if-match": '"2"' });
    expect(await kept.json()).toMatchObject({ signingSecretCount: 1, defaultService: null, priorities: { P1: "SEV1" }, version: 3 });
    const before = await db.pagerDutySettings.findUniqueOrThrow({ where: { id: 1 } });
    await problemOf(await call(settings.PUT, "PUT", "ADMIN", { services: {}, priorities: {} }, { "if-match": '"2"' }), 409);
    expect(await db.pagerDutySettings.findUniqueOrThrow({ where: { id: 1 } })).toEqual(before);
  });

  it("answers 400 naming the field for an unknown service slug, a bad severity or an unknown field", async () => {
    const before = await db.pagerDutySettings.findUniqueOrThrow({ where: { id: 1 } });
    const unknown = await problemOf(
      await call(settings.PUT, "PUT", "ADMIN", { services: { PXYZ: "nowhere", PCHECKOUT: "checkout-api" }, defaultService: "gone", priorities: {} }),
      400,
    );
    expect(unknown.errors?.map((e) => e.field)).toEqual(["services.PXYZ", "defaultService"]);
    const shape = await problemOf(await call(settings.PUT, "PUT", "ADMIN", { services: {}, priorities: { P1: "SEV3" }, signingSecrets: [], extra: 1 }), 400);
    expect(shape.errors?.map((e) => e.field).sort()).toEqual(["extra", "priorities.P1", "signingSecrets"]);
    expect(await db.pagerDutySettings.findUniqueOrThrow({ where: { id: 1 } })).toEqual(before);
  });
});

describe("the webhook and the incident list's source filter", () => {
  it("files the incident on a signed delivery, refuses an unsigned one, and finds it by ?source=", async () => {
    await problemOf(await post(signed(trigger, SECRET).body, null), 401);
    const { body, signature } = signed(trigger, SECRET);
    const answer = await post(body, signature);
    expect(answer.status).toBe(200);
    const filed = (await answer.json()) as { incident: { reference: string }; created: boolean };
    expect(filed.created).toBe(true);
    const list = (path: string) => incidents(new Request(`http://localhost${path}`, { headers: { authorization: `Bearer ${tokens.VIEWER.token}` } }), noParams);
    const found = (await (await list("/api/v1/incidents?source=pagerduty:QROUTE1")).json()) as { items: { reference: string; source: unknown }[] };
    expect(found.items).toEqual([
      expect.objectContaining({
        reference: filed.incident.reference,
        source: { system: "pagerduty", id: "QROUTE1", url: "https://acme.pagerduty.com/incidents/QROUTE1" },
      }),
    ]);
    expect(((await (await list("/api/v1/incidents?source=pagerduty:QOTHER")).json()) as { items: unknown[] }).items).toEqual([]);
    for (const bad of ["pagerduty", "pagerduty:", ":QROUTE1", "PagerDuty:Q1"]) {
      const problem = await problemOf(await list(`/api/v1/incidents?source=${encodeURIComponent(bad)}`), 400);
      expect(problem.errors?.map((e) => e.field)).toEqual(["source"]);
    }
  });

  it("answers 413 for a body over 512 KB and 400 for a signed body that is not JSON, writing nothing", async () => {
    const before = await writtenRows(db);
    const huge = "x".repeat(513 * 1024);
    await problemOf(await post(huge, signatureHeaderFor(huge, [SECRET])), 413);
    // Streamed with no length announced: counted while read, and cut off at the limit.
    const chunk = new TextEncoder().encode("x".repeat(64 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({ pull: (c) => (sent++ < 9 ? c.enqueue(chunk) : c.close()) });
    const streamed = new Request("http://localhost/api/v1/integrations/pagerduty/webhook", {
      method: "POST",
      headers: { "content-type": "application/json", "x-pagerduty-signature": signatureHeaderFor(huge, [SECRET]) },
      body: stream,
      duplex: "half",
    } as RequestInit);
    expect(streamed.headers.get("content-length")).toBeNull();
    await problemOf(await webhook(streamed, noParams), 413);
    const broken = '{"event": ';
    expect((await problemOf(await post(broken, signatureHeaderFor(broken, [SECRET])), 400)).detail).toBe("body is not valid JSON");
    expect(await writtenRows(db)).toEqual(before);
  });

  it("answers 202 with the reason for an event it does not handle", async () => {
    const { body, signature } = signed({ ...trigger, id: "01ROUTE2", type: "incident.annotated" }, SECRET);
    const response = await post(body, signature);
    expect(response.status).toBe(202);
    expect(await response.json()).toMatchObject({ outcome: "ignored", reason: "events of type incident.annotated are not handled" });
  });
});
