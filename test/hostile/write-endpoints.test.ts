import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RouteHandler } from "@/test/route-handlers";
import { hostileBodies } from "./arbitraries";
import { openHostileHarness, VALID_CHANGE, VALID_INCIDENT } from "./harness";

// Thousands of generated bodies per write endpoint, through the route handlers as Next.js
// calls them, on a real database: never a 5xx; every 400 and 422 is problem+json naming at
// least one field; and nothing is written but by the requests that succeeded.
const RUNS = 2_000;
let harness: Awaited<ReturnType<typeof openHostileHarness>>;
let token = "";
let incidentId = "";
const handlers = {} as Record<"postIncident" | "patchIncident" | "postService" | "postChange" | "checkChange", RouteHandler>;

beforeAll(async () => {
  harness = await openHostileHarness();
  token = harness.token;
  const [incidents, incident, services, changes, check] = [
    await import("@/app/api/v1/incidents/route"),
    await import("@/app/api/v1/incidents/[id]/route"),
    await import("@/app/api/v1/services/route"),
    await import("@/app/api/v1/changes/route"),
    await import("@/app/api/v1/changes/check/route"),
  ];
  Object.assign(handlers, {
    postIncident: incidents.POST,
    patchIncident: incident.PATCH,
    postService: services.POST,
    postChange: changes.POST,
    checkChange: check.POST,
  });
  const created = await send(handlers.postIncident, VALID_INCIDENT, {});
  incidentId = ((await created.json()) as { id: string }).id;
}, 60_000);
afterAll(() => harness.close());

const incidentPaths = [
  "title",
  "summary",
  "severity",
  "status",
  "services",
  "startedAt",
  "detectedAt",
  "mitigatedAt",
  "resolvedAt",
  "blastRadius",
  "impact",
  "impact.usersAffected",
  "impact.failedTransactions",
  "impact.regions",
  "impact.capabilities",
  "rootCause",
  "rootCause.category",
  "rootCause.description",
  "change",
  "change.reference",
  "change.authorLevel",
  "change.approval",
  "ai",
  "ai.involvement",
  "ai.tool",
  "ai.description",
];
const incidentGroups = ["impact", "rootCause", "change", "ai"];
const changePaths = [
  "reference",
  "service",
  "deployedAt",
  "title",
  "url",
  "change",
  "change.authorLevel",
  "change.approval",
  "ai",
  "ai.involvement",
  "ai.tool",
  "commits",
  "commits.0",
  "commits.0.sha",
  "commits.0.message",
];

function send(handler: RouteHandler, body: unknown, params: Record<string, string>): Promise<Response> {
  const request = new Request("http://localhost/api/v1/", {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: typeof body === "string" && body.startsWith("raw:") ? body.slice(4) : JSON.stringify(body),
  });
  return handler(request, { params: Promise.resolve(params) });
}

/** Runs the bodies through a handler; returns how many succeeded (2xx). */
async function throwAt(handler: RouteHandler, bodies: fc.Arbitrary<unknown>, params: Record<string, string> = {}): Promise<number> {
  let succeeded = 0;
  await fc.assert(
    fc.asyncProperty(bodies, async (body) => {
      const response = await send(handler, body, params);
      expect(response.status, JSON.stringify(body).slice(0, 300)).toBeLessThan(500);
      if (response.status < 300) {
        succeeded += 1;
        return;
      }
      expect(response.headers.get("content-type")).toBe("application/problem+json");
      const problem = (await response.json()) as { status: number; errors?: { field: string; messages: string[] }[] };
      expect(problem.status).toBe(response.status);
      if (response.status === 400 || response.status === 422) {
        if (problem.errors === undefined) return; // a body that is not JSON at all has no field to name
        expect(problem.errors.length).toBeGreaterThan(0);
        for (const error of problem.errors) {
          expect(typeof error.field).toBe("string");
          expect(error.messages.length).toBeGreaterThan(0);
        }
      }
    }),
    { numRuns: RUNS, seed: Number(process.env.HOSTILE_SEED ?? Date.now() % 2 ** 31), endOnFailure: true },
  );
  return succeeded;
}

let unique = 0;
/** The same body under a fresh key, so that most valid ones create rather than meet the first one's conflict. */
const freshKey = (key: string, taken: string, fresh: () => string) => (body: unknown) =>
  typeof body === "object" && body !== null && (body as Record<string, unknown>)[key] === taken ? { ...body, [key]: fresh() } : body;

const rowCounts = async () => ({
  incidents: await harness.db.incident.count(),
  changes: await harness.db.change.count(),
  services: await harness.db.service.count(),
});

describe(`${RUNS} hostile bodies per write endpoint`, () => {
  it("POST /api/v1/incidents", async () => {
    const before = await rowCounts();
    const created = await throwAt(handlers.postIncident, hostileBodies(VALID_INCIDENT, incidentPaths, incidentGroups));
    expect(await rowCounts()).toEqual({ ...before, incidents: before.incidents + created });
  }, 600_000);

  it("PATCH /api/v1/incidents/{id}", async () => {
    const before = await rowCounts();
    const { version } = await harness.db.incident.findUniqueOrThrow({ where: { id: incidentId }, select: { version: true } });
    // Each patch names the version it read; one that succeeds moves it on, so later ones are mostly stale (409) or refused first.
    const patches = hostileBodies({ version, title: "Checkout returns 503" }, ["version", ...incidentPaths], incidentGroups);
    const applied = await throwAt(handlers.patchIncident, patches, { id: incidentId });
    const after = await harness.db.incident.findUniqueOrThrow({ where: { id: incidentId }, select: { version: true } });
    expect(after.version - version).toBeLessThanOrEqual(applied);
    expect(await rowCounts()).toEqual(before);
  }, 600_000);

  it("POST /api/v1/services", async () => {
    const before = await rowCounts();
    const created = await throwAt(
      handlers.postService,
      hostileBodies({ slug: "payments", name: "Payments", team: "storefront", sloTarget: 0.999 }, ["slug", "name", "team", "sloTarget"]).map(
        freshKey("slug", "payments", () => `svc-${(unique += 1)}`),
      ),
    );
    expect((await rowCounts()).services).toBeLessThanOrEqual(before.services + created);
    expect((await rowCounts()).incidents).toBe(before.incidents);
  }, 600_000);

  it("POST /api/v1/changes", async () => {
    const before = await rowCounts();
    const recorded = await throwAt(
      handlers.postChange,
      hostileBodies(VALID_CHANGE, changePaths, ["change", "ai"]).map(
        freshKey("reference", "PR-812", () => (unique % 2 === 0 ? `PR-${(unique += 1)}` : "PR-812")),
      ),
    );
    // A re-send of a reference answers 200 and adds no row, so rows ≤ successes.
    expect((await rowCounts()).changes).toBeLessThanOrEqual(before.changes + recorded);
    expect((await rowCounts()).incidents).toBe(before.incidents);
  }, 600_000);

  it("POST /api/v1/changes/check", async () => {
    const before = await rowCounts();
    const question = { service: VALID_CHANGE.service, change: VALID_CHANGE.change, ai: VALID_CHANGE.ai, commits: VALID_CHANGE.commits };
    await throwAt(
      handlers.checkChange,
      hostileBodies(
        question,
        ["service", "change", "change.authorLevel", "change.approval", "ai", "ai.involvement", "commits", "commits.0.message"],
        ["change", "ai"],
      ),
    );
    expect(await rowCounts()).toEqual(before);
  }, 600_000);
});
