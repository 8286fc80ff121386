import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMetricsCatalogue } from "@/features/metrics/test-fixtures";
import { openRouteTestDatabase, type RouteHandler } from "@/test/route-handlers";

// POST and GET /api/v1/changes and POST /api/v1/changes/check, called as Next.js calls them.
let harness: Awaited<ReturnType<typeof openRouteTestDatabase>>;
let changesApi: { GET: RouteHandler; POST: RouteHandler };
let checkApi: RouteHandler;
let tokens: Record<"VIEWER" | "ENGINEER", { token: string }>;

beforeAll(async () => {
  harness = await openRouteTestDatabase();
  await createMetricsCatalogue(harness.db);
  tokens = await harness.mintTokens(["VIEWER", "ENGINEER"]);
  changesApi = (await import("./route")) as unknown as typeof changesApi;
  checkApi = (await import("./check/route")).POST as RouteHandler;
});
afterAll(() => harness.close());

const context = { params: Promise.resolve({}) };
const headers = (role: keyof typeof tokens) => ({ authorization: `Bearer ${tokens[role].token}`, "content-type": "application/json" });
const post = (handler: RouteHandler, body: unknown, role: keyof typeof tokens = "ENGINEER") =>
  handler(new Request("http://localhost/api/v1/changes", { method: "POST", headers: headers(role), body: JSON.stringify(body) }), context);
const list = (query: string) => changesApi.GET(new Request(`http://localhost/api/v1/changes${query}`, { headers: headers("VIEWER") }), context);

type Problem = { status: number; errors?: { field: string; messages: string[] }[] };
type Page = {
  items: { reference: string; service: string; ai: { effective: string; mismatch: boolean }; failed: boolean; policyViolation: boolean }[];
  nextCursor: string | null;
};

const change = (reference: string, overrides: Record<string, unknown> = {}) => ({
  reference,
  service: "cart",
  deployedAt: "2026-03-03T09:00:00Z",
  change: { authorLevel: "SENIOR", approval: "PEER" },
  ...overrides,
});

describe("POST /api/v1/changes", () => {
  it("answers 201 for a new reference and 200 when the pipeline sends it again", async () => {
    const first = await post(changesApi.POST, change("PR-100"));
    expect(first.status).toBe(201);
    expect(await first.json()).toMatchObject({ reference: "PR-100", version: 1, ai: { involvement: "NONE", detected: "NONE" }, policyViolation: false });
    const again = await post(changesApi.POST, change("PR-100", { title: "Now with a title" }));
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ reference: "PR-100", version: 2, title: "Now with a title" });
  });

  it("refuses a VIEWER's token with 403 and bad input with a problem+json 400 naming the field", async () => {
    expect((await post(changesApi.POST, change("PR-101"), "VIEWER")).status).toBe(403);
    const bad = await post(changesApi.POST, { ...change("PR-102"), deployedAt: "yesterday", commits: "none" });
    expect(bad.status).toBe(400);
    expect(bad.headers.get("content-type")).toBe("application/problem+json");
    expect(((await bad.json()) as Problem).errors!.map((e) => e.field).sort()).toEqual(["commits", "deployedAt"]);
    const future = await post(changesApi.POST, change("PR-103", { deployedAt: "2099-01-01T00:00:00Z" }));
    expect(future.status).toBe(422);
    expect(await harness.db.change.count({ where: { reference: { in: ["PR-101", "PR-102", "PR-103"] } } })).toBe(0);
  });
});

describe("GET /api/v1/changes", () => {
  beforeAll(async () => {
    await post(
      changesApi.POST,
      change("PR-200", {
        service: "search",
        deployedAt: "2026-03-04T09:00:00Z",
        commits: [{ message: "Tune\n\nCo-authored-by: Claude <noreply@anthropic.com>" }],
      }),
    );
    await post(
      changesApi.POST,
      change("PR-201", {
        service: "auth",
        deployedAt: "2026-03-05T09:00:00Z",
        ai: { involvement: "AGENT", tool: "Kiro" },
        change: { authorLevel: "SENIOR", approval: "MANAGER" },
      }),
    );
    await harness.db.incident.create({
      data: {
        reference: "INC-2026-0200",
        title: "Search down",
        severity: "SEV1",
        status: "INVESTIGATING",
        startedAt: new Date("2026-03-04T10:00:00Z"),
        blastRadius: "SINGLE_SERVICE",
        changeReference: "PR-200",
      },
    });
  });

  it("lists newest deploy first, a page at a time, following nextCursor", async () => {
    const first = (await (await list("?limit=2")).json()) as Page;
    expect(first.items.map((i) => i.reference)).toEqual(["PR-201", "PR-200"]);
    const second = (await (await list(`?limit=2&cursor=${first.nextCursor}`)).json()) as Page;
    expect(second.items.map((i) => i.reference)).toEqual(["PR-100"]);
    expect(second.nextCursor).toBeNull();
  });

  it("filters by service, team, declared-or-detected AI involvement, sign-off, failure and mismatch", async () => {
    const refs = async (query: string) => ((await (await list(query)).json()) as Page).items.map((i) => i.reference);
    expect(await refs("?service=search")).toEqual(["PR-200"]);
    expect(await refs("?team=platform")).toEqual(["PR-201", "PR-200"]);
    expect(await refs("?ai=involved")).toEqual(["PR-201", "PR-200"]);
    expect(await refs("?ai=ASSISTED")).toEqual(["PR-200"]);
    expect(await refs("?signOff=violating")).toEqual(["PR-200"]);
    expect(await refs("?signOff=compliant")).toEqual(["PR-201", "PR-100"]);
    expect(await refs("?failed=true")).toEqual(["PR-200"]);
    expect(await refs("?failed=false")).toEqual(["PR-201", "PR-100"]);
    expect(await refs("?mismatch=true")).toEqual(["PR-200"]);
    expect(await refs("?from=2026-03-04&to=2026-03-04")).toEqual(["PR-200"]);
    const [failed] = ((await (await list("?failed=true")).json()) as Page).items;
    expect(failed).toMatchObject({ failed: true, ai: { effective: "ASSISTED", mismatch: true }, incidents: [{ reference: "INC-2026-0200" }] });
    expect(failed).not.toHaveProperty("commits");
  });

  it("answers bad and unknown parameters with a 400 naming each", async () => {
    const response = await list("?ai=MAYBE&failed=yes&from=2026-02-30&colour=red&cursor=nope");
    expect(response.status).toBe(400);
    expect(((await response.json()) as Problem).errors!.map((e) => e.field).sort()).toEqual(["ai", "colour", "cursor", "failed", "from"]);
  });

  it("pages forwards only: the page's `before` is refused by name, and the answer is items and nextCursor alone", async () => {
    const first = (await (await list("?limit=2")).json()) as Page;
    expect(Object.keys(first).sort()).toEqual(["items", "nextCursor"]);
    const response = await list(`?before=${first.nextCursor}`);
    expect(response.status).toBe(400);
    expect(((await response.json()) as Problem).errors!.map((e) => e.field)).toEqual(["before"]);
  });
});

describe("POST /api/v1/changes/check", () => {
  it("answers the gate's verdict and writes nothing", async () => {
    const before = await harness.db.change.count();
    const response = await post(checkApi, { service: "cart", change: { authorLevel: "JUNIOR", approval: "PEER" }, ai: { involvement: "GENERATED" } });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ allowed: false, requiredApproval: ["SENIOR", "MANAGER"], ai: { declared: "GENERATED", detected: "NONE" } });
    expect(await harness.db.change.count()).toBe(before);
    expect((await post(checkApi, { change: { approval: "PEER" } }, "VIEWER")).status).toBe(403);
  });
});
