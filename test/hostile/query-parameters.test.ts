import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { RouteHandler } from "@/test/route-handlers";
import { openHostileHarness, VALID_CHANGE, VALID_INCIDENT } from "./harness";
import { hostileQueries, queryString } from "./query-arbitraries";

// Generated query strings at the GET endpoints, through the route handlers as Next.js calls
// them, on a real database: never a 5xx; every 400 is problem+json naming a parameter that
// was sent (or one the endpoint requires); every 200 has the documented shape.
vi.mock("@/lib/auth/current-actor", () => ({ currentUiActor: async () => null, currentSessionUser: async () => null }));

const LIST_RUNS = 2_000;
const OTHER_RUNS = 300;
let harness: Awaited<ReturnType<typeof openHostileHarness>>;
let token = "";
const handlers = {} as Record<"incidents" | "incident" | "changes" | "weekly" | "changeMetrics" | "csv" | "agenda" | "agendaMd", RouteHandler>;

beforeAll(async () => {
  harness = await openHostileHarness();
  token = harness.token;
  handlers.incidents = (await import("@/app/api/v1/incidents/route")).GET as RouteHandler;
  handlers.incident = (await import("@/app/api/v1/incidents/[id]/route")).GET as RouteHandler;
  handlers.changes = (await import("@/app/api/v1/changes/route")).GET as RouteHandler;
  handlers.weekly = (await import("@/app/api/v1/metrics/weekly/route")).GET as RouteHandler;
  handlers.changeMetrics = (await import("@/app/api/v1/metrics/changes/route")).GET as RouteHandler;
  handlers.csv = (await import("@/app/incidents/export/route")).GET as RouteHandler;
  handlers.agenda = (await import("@/app/api/v1/reviews/[week]/agenda/route")).GET as RouteHandler;
  handlers.agendaMd = (await import("@/app/reviews/[week]/agenda.md/route")).GET as RouteHandler;
  const { POST: postIncident } = await import("@/app/api/v1/incidents/route");
  const { POST: postChange } = await import("@/app/api/v1/changes/route");
  const write = (body: unknown) =>
    new Request("http://localhost/api/v1/", {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    });
  const incident = await postIncident(write({ ...VALID_INCIDENT, change: { ...VALID_INCIDENT.change, reference: "PR-812" } }), { params: Promise.resolve({}) });
  const change = await postChange(write(VALID_CHANGE), { params: Promise.resolve({}) });
  expect([incident.status, change.status], await incident.clone().text()).toEqual([201, 201]);
}, 60_000);
afterAll(() => harness.close());

function get(handler: RouteHandler, path: string, params: Record<string, string> = {}): Promise<Response> {
  return handler(new Request(`http://localhost${path}`, { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve(params) });
}

type Problem = { status: number; errors?: { field: string; messages: string[] }[] };

/** The 400's problem document, checked: problem+json, naming at least one of `names`. */
async function expectNamedProblem(response: Response, names: Iterable<string>): Promise<string[]> {
  expect(response.status).toBe(400);
  expect(response.headers.get("content-type")).toBe("application/problem+json");
  const body = (await response.json()) as Problem;
  expect(body.status).toBe(400);
  expect(body.errors?.length).toBeGreaterThan(0);
  const allowed = new Set(names);
  for (const error of body.errors ?? []) {
    expect(allowed, `"${error.field}" was not sent`).toContain(error.field);
    expect(error.messages.length).toBeGreaterThan(0);
  }
  return (body.errors ?? []).map((error) => error.field);
}

/** The names a URL's query string holds: as written, and as URLSearchParams decodes them. */
function namesIn(url: string): string[] {
  const query = url.slice(url.indexOf("?") + 1);
  return [...query.split("&").map((pair) => pair.split("=")[0]!), ...new URLSearchParams(query).keys()];
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
const pageShape = (body: unknown) => {
  expect(isObject(body) && Object.keys(body).sort()).toEqual(["items", "nextCursor"]);
  const page = body as { items: unknown[]; nextCursor: unknown };
  expect(Array.isArray(page.items)).toBe(true);
  for (const item of page.items) expect(isObject(item) && typeof item.id === "string" && typeof item.reference === "string").toBe(true);
  expect(page.nextCursor === null || typeof page.nextCursor === "string").toBe(true);
};
const weeksShape = (body: unknown) => {
  expect(isObject(body) && Array.isArray(body.weeks)).toBe(true);
  for (const week of (body as { weeks: unknown[] }).weeks) expect(isObject(week) && typeof week.week === "string").toBe(true);
};

type Endpoint = { handler: () => RouteHandler; path: string; known: string[]; statuses: number[]; check: (response: Response) => Promise<void> };
const json = (shape: (body: unknown) => void) => async (response: Response) => {
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  shape(await response.json());
};
const csv = async (response: Response) => {
  expect(response.headers.get("content-type")).toMatch(/^text\/csv/);
  expect((await response.text()).split("\n")[0]).toMatch(/^\uFEFF?"?reference/i);
};

async function throwAt(endpoint: Endpoint, valid: Record<string, string[]>, runs: number): Promise<Record<number, number>> {
  const statuses: Record<number, number> = {};
  await fc.assert(
    fc.asyncProperty(hostileQueries(valid), async (pairs) => {
      const url = `${endpoint.path}?${queryString(pairs)}`;
      const response = await get(endpoint.handler(), url);
      statuses[response.status] = (statuses[response.status] ?? 0) + 1;
      expect(endpoint.statuses, `${response.status} for ${url.slice(0, 300)}`).toContain(response.status);
      if (response.status === 200) await endpoint.check(response);
      else if (response.status === 400) await expectNamedProblem(response, [...namesIn(`http://localhost${url}`), ...endpoint.known]);
      else expect(response.headers.get("content-type")).toBe("application/problem+json");
    }),
    { numRuns: runs, seed: Number(process.env.HOSTILE_SEED ?? Date.now() % 2 ** 31), endOnFailure: true },
  );
  return statuses;
}

const period = {
  from: ["2026-03-01", "2026-01-01", "2026-03-03T00:00:00Z", "2026-03-03T10:00:00+01:00"],
  to: ["2026-03-31", "2026-03-03", "2026-12-31T23:59:59Z"],
};
const incidentValues = {
  ...period,
  q: ["checkout", "502", "INC-2026", "é"],
  severity: ["SEV1", "SEV2,SEV3", "sev1"],
  status: ["MITIGATED", "OPEN,RESOLVED"],
  service: ["checkout", "cart,search", "Checkout"],
  team: ["storefront", "platform"],
  ai: ["involved", "NONE", "AGENT,ASSISTED"],
  rootCause: ["CODE_CHANGE"],
  postmortem: ["NONE", "DRAFT,PUBLISHED"],
  policyViolation: ["true", "false"],
  sort: ["startedAt", "severity", "title"],
  order: ["asc", "desc"],
  limit: ["1", "25", "200", "201"],
  cursor: ["eyJ0IjoiMjAyNi0wMy0wMyJ9", "x"],
};
const changeValues = {
  ...period,
  service: ["cart", "checkout,search"],
  team: ["storefront"],
  ai: ["involved", "NONE"],
  signOff: ["compliant", "violating"],
  failed: ["true", "false"],
  mismatch: ["true"],
  limit: ["1", "50", "200"],
  cursor: ["x"],
};
const metricsValues = {
  from: ["2026-03-01", "2026-01-05", "2020-01-01"],
  to: ["2026-03-31", "2026-03-08"],
  team: ["storefront", "empty-team", "nobody"],
  service: ["checkout", "nothing"],
  range: ["13"],
};

const endpoints = {
  incidents: { handler: () => handlers.incidents, path: "/api/v1/incidents", known: [], statuses: [200, 400], check: json(pageShape) },
  changes: { handler: () => handlers.changes, path: "/api/v1/changes", known: [], statuses: [200, 400], check: json(pageShape) },
  weekly: { handler: () => handlers.weekly, path: "/api/v1/metrics/weekly", known: ["from", "to"], statuses: [200, 400, 404], check: json(weeksShape) },
  changeMetrics: {
    handler: () => handlers.changeMetrics,
    path: "/api/v1/metrics/changes",
    known: ["from", "to"],
    statuses: [200, 400, 404],
    check: json((body) => {
      weeksShape(body);
      expect(isObject(body) && isObject(body.total)).toBe(true);
    }),
  },
  csv: { handler: () => handlers.csv, path: "/incidents/export", known: [], statuses: [200, 400, 429], check: csv },
} satisfies Record<string, Endpoint>;

describe("hostile query parameters", () => {
  it(`${LIST_RUNS} generated queries at GET /api/v1/incidents`, async () => {
    const statuses = await throwAt(endpoints.incidents, incidentValues, LIST_RUNS);
    expect(statuses[200]).toBeGreaterThan(0);
  }, 300_000);

  it(`${LIST_RUNS} generated queries at GET /api/v1/changes`, async () => {
    const statuses = await throwAt(endpoints.changes, changeValues, LIST_RUNS);
    expect(statuses[200]).toBeGreaterThan(0);
  }, 300_000);

  it(`${OTHER_RUNS} generated queries at each metrics endpoint`, async () => {
    await throwAt(endpoints.weekly, metricsValues, OTHER_RUNS);
    await throwAt(endpoints.changeMetrics, metricsValues, OTHER_RUNS);
  }, 300_000);

  it(`${OTHER_RUNS} generated queries at the CSV export`, async () => {
    await throwAt(endpoints.csv, incidentValues, OTHER_RUNS);
  }, 300_000);
});

describe("named hostile query parameters", () => {
  const everywhere = [endpoints.incidents, endpoints.changes, endpoints.weekly, endpoints.changeMetrics, endpoints.csv];

  it.each(["from=2026-13-01", "from=2026-01-00", "to=9999-12-31", "from=0000-01-01T00:00:00Z", "from=%ZZ", "service=%C0%AF", "from=%E0%A4%A"])(
    "%s is a 400 naming the parameter everywhere",
    async (query) => {
      for (const endpoint of everywhere) {
        const fields = await expectNamedProblem(await get(endpoint.handler(), `${endpoint.path}?${query}`), [query.split("=")[0]!, ...endpoint.known]);
        expect(fields, endpoint.path).toContain(query.split("=")[0]);
      }
    },
  );

  it.each(["q=%00", "q=%E0%A4%A", "q=%EF%BF%BD", "%E0%A4%A=1"])("%s is a 400 naming the parameter on the incident list and its export", async (query) => {
    const name = query.split("=")[0]!;
    for (const endpoint of [endpoints.incidents, endpoints.csv])
      expect(await expectNamedProblem(await get(endpoint.handler(), `${endpoint.path}?${query}`), [name])).toEqual([name]);
  });

  it.each(["0000-W01", "1969-W01", "2100-W01", "2026-W54", "2026-W1"])("the review agenda of %s is a 400 naming isoWeek", async (week) => {
    expect(await expectNamedProblem(await get(handlers.agenda, `/api/v1/reviews/${week}/agenda`, { week }), ["isoWeek"])).toEqual(["isoWeek"]);
    expect(await expectNamedProblem(await get(handlers.agendaMd, `/reviews/${week}/agenda.md`, { week }), ["isoWeek"])).toEqual(["isoWeek"]);
  });

  it("a malformed query on the Markdown export is a 400 naming it", async () => {
    expect(await expectNamedProblem(await get(handlers.agendaMd, "/reviews/2026-W10/agenda.md?x=%ZZ", { week: "2026-W10" }), ["x"])).toEqual(["x"]);
  });

  it.each(["\u0000", "INC-\u0000", "x".repeat(101), "\uFFFD", "\uD800"])("the incident id %j is a 400 naming id", async (id) => {
    expect(await expectNamedProblem(await get(handlers.incident, `/api/v1/incidents/${encodeURIComponent(id.replace("\uD800", ""))}`, { id }), ["id"])).toEqual(
      ["id"],
    );
    const { PATCH } = await import("@/app/api/v1/incidents/[id]/route");
    const patch = new Request("http://localhost/api/v1/incidents/x", {
      method: "PATCH",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ version: 1, title: "Checkout returns 503" }),
    });
    expect(await expectNamedProblem(await PATCH(patch, { params: Promise.resolve({ id }) }), ["id"])).toEqual(["id"]);
  });

  it("an unknown id of a sane length is still a 404", async () => {
    expect((await get(handlers.incident, "/api/v1/incidents/INC-1999-0001", { id: "INC-1999-0001" })).status).toBe(404);
  });
});
