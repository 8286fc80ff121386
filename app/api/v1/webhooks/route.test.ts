import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "@/lib/auth/permissions";
import type { Database } from "@/lib/db/client";
import { openRouteTestDatabase, type RouteHandler } from "@/test/route-handlers";

// The webhook endpoints, called as Next.js calls them, against a real database.
let harness: Awaited<ReturnType<typeof openRouteTestDatabase>>;
let db: Database;
let tokens: Record<Role, { id: string; token: string }>;
let list: { GET: RouteHandler; POST: RouteHandler };
let one: { GET: RouteHandler; PATCH: RouteHandler; DELETE: RouteHandler };
let test: RouteHandler;
let deliveries: RouteHandler;
let schedule: { GET: RouteHandler; PUT: RouteHandler };
const SECRET = "a-given-secret-of-32-characters!";

beforeAll(async () => {
  harness = await openRouteTestDatabase();
  db = harness.db;
  tokens = await harness.mintTokens(["VIEWER", "ENGINEER", "LEAD", "ADMIN"]);
  list = (await import("./route")) as unknown as typeof list;
  one = (await import("./[id]/route")) as unknown as typeof one;
  test = (await import("./[id]/test/route")).POST as RouteHandler;
  deliveries = (await import("./[id]/deliveries/route")).GET as RouteHandler;
  schedule = (await import("./schedule/route")) as unknown as typeof schedule;
});
afterAll(() => harness.close());

type Problem = { status: number; detail?: string; errors?: { field: string; messages: string[] }[] };
type Hook = { id: string; url: string; events: string[]; format: string; status: string; version: number; secret?: string; pausedReason: string | null };

const call = (
  handler: RouteHandler,
  method: string,
  role: Role | null,
  options: { id?: string; body?: unknown; headers?: Record<string, string>; query?: string } = {},
) =>
  handler(
    new Request(`http://localhost/api/v1/webhooks${options.id ? `/${options.id}` : ""}${options.query ?? ""}`, {
      method,
      headers: { ...(role ? { authorization: `Bearer ${tokens[role].token}` } : {}), "content-type": "application/json", ...options.headers },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    }),
    { params: Promise.resolve<Record<string, string>>(options.id ? { id: options.id } : {}) },
  );
const problemOf = async (response: Response, status: number) => {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toBe("application/problem+json");
  return (await response.json()) as Problem;
};
const fieldsOf = async (response: Response) => ((await problemOf(response, 400)).errors ?? []).map((e) => e.field).sort();
const add = async (body: Record<string, unknown>) => {
  const response = await call(list.POST, "POST", "ADMIN", { body });
  expect(response.status).toBe(201);
  return (await response.json()) as Hook;
};
const valid = { url: "https://hooks.example.com/ops", events: ["incident.sev1_filed", "review.digest"], format: "json" };

describe("who may use the webhook endpoints", () => {
  it("answers 401 without a token, and 401 for a session cookie from another site (tokens only)", async () => {
    await problemOf(await call(list.GET, "GET", null), 401);
    const crossSite = { cookie: "next-auth.session-token=anything", origin: "https://evil.example", "sec-fetch-site": "cross-site" };
    await problemOf(await call(list.POST, "POST", null, { body: valid, headers: crossSite }), 401);
    expect(await db.webhook.count()).toBe(0);
  });

  it("answers 403 to VIEWER, ENGINEER and LEAD on every endpoint", async () => {
    const id = "00000000-0000-4000-8000-000000000000";
    for (const role of ["VIEWER", "ENGINEER", "LEAD"] as const) {
      await problemOf(await call(list.GET, "GET", role), 403);
      await problemOf(await call(list.POST, "POST", role, { body: valid }), 403);
      await problemOf(await call(one.GET, "GET", role, { id }), 403);
      await problemOf(await call(one.PATCH, "PATCH", role, { id, body: { paused: true }, headers: { "if-match": '"1"' } }), 403);
      await problemOf(await call(one.DELETE, "DELETE", role, { id }), 403);
      await problemOf(await call(test, "POST", role, { id }), 403);
      await problemOf(await call(deliveries, "GET", role, { id }), 403);
      await problemOf(await call(schedule.GET, "GET", role), 403);
      await problemOf(await call(schedule.PUT, "PUT", role, { body: { digestWeekday: 1, digestHour: 9, reminderHour: 9 } }), 403);
    }
    expect(await db.webhook.count()).toBe(0);
  });
});

describe("POST and GET /api/v1/webhooks", () => {
  it("answers 201 with a generated secret once; no GET and no audit record holds it", async () => {
    const created = await add(valid);
    expect(created).toMatchObject({ ...valid, status: "active", version: 1, consecutiveFailures: 0, lastDelivery: null });
    expect(created.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const given = await add({ ...valid, format: "slack", secret: SECRET });
    expect(given.secret).toBe(SECRET);
    const reads = [
      await (await call(list.GET, "GET", "ADMIN")).text(),
      await (await call(one.GET, "GET", "ADMIN", { id: created.id })).text(),
      await (await call(one.GET, "GET", "ADMIN", { id: given.id })).text(),
    ];
    for (const text of reads) {
      expect(text).not.toContain(created.secret);
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain('"secret"');
    }
    const audit = JSON.stringify(await db.auditEvent.findMany({ where: { entityType: "Webhook" }, select: { action: true, changes: true } }));
    expect(audit).toContain("webhook.create");
    expect(audit).not.toContain(created.secret);
    expect(audit).not.toContain(SECRET);
  });

  it("answers 400 naming the field: events by place, url, format, a short secret, an unknown field", async () => {
    const before = await db.webhook.count();
    expect(await fieldsOf(await call(list.POST, "POST", "ADMIN", { body: { ...valid, events: ["review.digest", "review.nope", "review.digest"] } }))).toEqual([
      "events.1",
      "events.2",
    ]);
    expect(await fieldsOf(await call(list.POST, "POST", "ADMIN", { body: { ...valid, events: [] } }))).toEqual(["events"]);
    expect(await fieldsOf(await call(list.POST, "POST", "ADMIN", { body: { ...valid, url: "ftp://example.com/" } }))).toEqual(["url"]);
    expect(await fieldsOf(await call(list.POST, "POST", "ADMIN", { body: { ...valid, format: "xml", secret: "short", extra: 1 } }))).toEqual([
      "extra",
      "format",
      "secret",
    ]);
    expect(await db.webhook.count()).toBe(before);
  });

  it("refuses loopback and link-local receivers with 400 naming url", async () => {
    for (const url of ["http://127.0.0.1/", "http://169.254.169.254/"]) {
      expect(await fieldsOf(await call(list.POST, "POST", "ADMIN", { body: { ...valid, url } }))).toEqual(["url"]);
    }
  });
});

describe("GET, PATCH and DELETE /api/v1/webhooks/{id}", () => {
  it("answers 404 for an unknown id and 400 for a malformed If-Match", async () => {
    const id = "00000000-0000-4000-8000-000000000000";
    await problemOf(await call(one.GET, "GET", "ADMIN", { id }), 404);
    await problemOf(await call(one.GET, "GET", "ADMIN", { id: "nope" }), 404);
    await problemOf(await call(one.PATCH, "PATCH", "ADMIN", { id, body: {}, headers: { "if-match": '"1"' } }), 404);
    await problemOf(await call(one.DELETE, "DELETE", "ADMIN", { id }), 404);
    await problemOf(await call(test, "POST", "ADMIN", { id }), 404);
    await problemOf(await call(deliveries, "GET", "ADMIN", { id }), 404);
    expect(await fieldsOf(await call(one.PATCH, "PATCH", "ADMIN", { id, body: {}, headers: { "if-match": "soon" } }))).toEqual(["If-Match"]);
  });

  it("pauses and resumes at the If-Match version: 428 without it, 409 when stale, the secret rotated but never shown", async () => {
    const hook = await add(valid);
    const get = await call(one.GET, "GET", "ADMIN", { id: hook.id });
    expect(get.headers.get("etag")).toBe('"1"');
    await problemOf(await call(one.PATCH, "PATCH", "ADMIN", { id: hook.id, body: { paused: true } }), 428);
    await db.webhook.update({ where: { id: hook.id }, data: { consecutiveFailures: 3 } });
    const paused = await call(one.PATCH, "PATCH", "ADMIN", { id: hook.id, body: { paused: true }, headers: { "if-match": '"1"' } });
    expect(paused.status).toBe(200);
    expect(paused.headers.get("etag")).toBe('"2"');
    expect(await paused.json()).toMatchObject({ status: "paused", pausedReason: "Paused by admin-token", consecutiveFailures: 3, version: 2 });
    const stale = await problemOf(await call(one.PATCH, "PATCH", "ADMIN", { id: hook.id, body: { paused: false }, headers: { "if-match": '"1"' } }), 409);
    expect(stale).toMatchObject({ currentVersion: 2, yourVersion: 1 });
    const rotated = "a-rotated-secret-of-enough-length";
    const resumed = await call(one.PATCH, "PATCH", "ADMIN", {
      id: hook.id,
      body: { paused: false, secret: rotated, events: ["review.prepared"], format: "slack" },
      headers: { "if-match": '"2"' },
    });
    const text = await resumed.text();
    expect(text).not.toContain(rotated);
    expect(JSON.parse(text)).toMatchObject({
      status: "active",
      pausedAt: null,
      pausedReason: null,
      consecutiveFailures: 0,
      events: ["review.prepared"],
      format: "slack",
      version: 3,
    });
    expect((await db.webhook.findUniqueOrThrow({ where: { id: hook.id } })).secret).toBe(rotated);
    const audit = JSON.stringify(await db.auditEvent.findMany({ where: { entityId: hook.id }, select: { action: true, changes: true } }));
    expect(audit).not.toContain(rotated);
    expect(audit).toContain('"secret":"replaced"');
    expect(
      await fieldsOf(
        await call(one.PATCH, "PATCH", "ADMIN", { id: hook.id, body: { url: "http://169.254.169.254/", paused: "yes" }, headers: { "if-match": '"3"' } }),
      ),
    ).toEqual(["paused"]);
    expect(
      await fieldsOf(await call(one.PATCH, "PATCH", "ADMIN", { id: hook.id, body: { url: "http://169.254.169.254/" }, headers: { "if-match": '"3"' } })),
    ).toEqual(["url"]);
  });

  it("deletes a webhook with its deliveries (audited); a stale If-Match is a 409", async () => {
    const hook = await add(valid);
    const event = await db.webhookEvent.create({ data: { type: "review.digest", subject: { week: "2026-W49" } } });
    await db.webhookDelivery.create({ data: { webhookId: hook.id, eventId: event.id, eventType: "review.digest", body: "{}" } });
    await problemOf(await call(one.DELETE, "DELETE", "ADMIN", { id: hook.id, headers: { "if-match": '"7"' } }), 409);
    const deleted = await call(one.DELETE, "DELETE", "ADMIN", { id: hook.id });
    expect(deleted.status).toBe(204);
    expect(await db.webhook.count({ where: { id: hook.id } })).toBe(0);
    expect(await db.webhookDelivery.count({ where: { webhookId: hook.id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { entityId: hook.id, action: "webhook.delete" } })).toBe(1);
    await problemOf(await call(one.GET, "GET", "ADMIN", { id: hook.id }), 404);
  });
});

describe("POST /api/v1/webhooks/{id}/test and GET …/deliveries", () => {
  it("answers 202 with the test event, recorded for this webhook only", async () => {
    const hook = await add(valid);
    const answer = await call(test, "POST", "ADMIN", { id: hook.id });
    expect(answer.status).toBe(202);
    const { eventId } = (await answer.json()) as { eventId: string };
    expect(await db.webhookEvent.findUniqueOrThrow({ where: { id: eventId } })).toMatchObject({
      type: "webhook.test",
      webhookId: hook.id,
      subject: { webhookId: hook.id },
    });
  });

  it("lists deliveries newest first with their attempts, a page at a time; strict about its parameters", async () => {
    const hook = await add(valid);
    const at = (minute: number) => new Date(Date.UTC(2026, 11, 1, 10, minute));
    for (const minute of [1, 2, 3]) {
      const event = await db.webhookEvent.create({ data: { type: "review.digest", subject: { week: `W${minute}` } } });
      await db.webhookDelivery.create({
        data: {
          webhookId: hook.id,
          eventId: event.id,
          eventType: "review.digest",
          body: "{}",
          status: minute === 3 ? "DELIVERED" : "FAILED",
          attempts: 1,
          createdAt: at(minute),
          finishedAt: at(minute),
          attemptLog: {
            create: { attempt: 1, startedAt: at(minute), durationMs: 42, statusCode: minute === 3 ? 200 : 500, error: minute === 3 ? null : "HTTP 500" },
          },
        },
      });
    }
    const first = (await (await call(deliveries, "GET", "ADMIN", { id: hook.id, query: "?limit=2" })).json()) as {
      items: { createdAt: string; status: string; attemptLog: { statusCode: number; durationMs: number }[] }[];
      nextCursor: string;
    };
    expect(first.items.map((d) => d.createdAt)).toEqual([at(3).toISOString(), at(2).toISOString()]);
    expect(first.items[0]).toMatchObject({ status: "DELIVERED", attemptLog: [{ attempt: 1, statusCode: 200, durationMs: 42, error: null }] });
    const second = (await (await call(deliveries, "GET", "ADMIN", { id: hook.id, query: `?limit=2&before=${first.nextCursor}` })).json()) as {
      items: { createdAt: string }[];
      nextCursor: string | null;
    };
    expect(second).toEqual({ items: [expect.objectContaining({ createdAt: at(1).toISOString() })], nextCursor: null });
    expect(await fieldsOf(await call(deliveries, "GET", "ADMIN", { id: hook.id, query: "?limit=0&before=nope&page=2" }))).toEqual(
      ["before", "limit", "page"].sort(),
    );
    expect(await fieldsOf(await call(deliveries, "GET", "ADMIN", { id: hook.id, query: "?before=nope" }))).toEqual(["before"]);
    const listed = (await (await call(one.GET, "GET", "ADMIN", { id: hook.id })).json()) as Hook & { lastDelivery: { status: string } };
    expect(listed.lastDelivery).toMatchObject({ status: "DELIVERED" });
  });
});

describe("GET and PUT /api/v1/webhooks/schedule", () => {
  it("starts from the defaults, saves with a version, refuses a stale one (409) and a bad hour (400)", async () => {
    const initial = await call(schedule.GET, "GET", "ADMIN");
    expect(initial.headers.get("etag")).toBe('"1"');
    expect(await initial.json()).toEqual({ digestWeekday: 1, digestHour: 9, reminderHour: 9, version: 1, updatedAt: null });
    const saved = await call(schedule.PUT, "PUT", "ADMIN", { body: { digestWeekday: 5, digestHour: 16, reminderHour: 8 }, headers: { "if-match": '"1"' } });
    expect(await saved.json()).toMatchObject({ digestWeekday: 5, digestHour: 16, reminderHour: 8, version: 2 });
    await problemOf(
      await call(schedule.PUT, "PUT", "ADMIN", { body: { digestWeekday: 1, digestHour: 9, reminderHour: 9 }, headers: { "if-match": '"1"' } }),
      409,
    );
    expect(await fieldsOf(await call(schedule.PUT, "PUT", "ADMIN", { body: { digestWeekday: 8, digestHour: "9", reminderHour: 24 } }))).toEqual([
      "digestHour",
      "digestWeekday",
      "reminderHour",
    ]);
    expect(await db.auditEvent.count({ where: { action: "webhook.schedule.update" } })).toBe(1);
  });
});
