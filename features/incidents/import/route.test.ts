import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { openRouteTestDatabase } from "@/test/route-handlers";
import { createCatalogue } from "@/features/incidents/list/test-fixtures";

// POST /api/v1/incidents/import, called as Next.js calls it, on a real database.
const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/current-actor", () => ({ currentUiActor: async () => session.actor, currentSessionUser: async () => null }));

let post: (request: Request) => Promise<Response>;
let harness: Awaited<ReturnType<typeof openRouteTestDatabase>>;
let tokens: Record<"VIEWER" | "ENGINEER", { token: string }>;

beforeAll(async () => {
  harness = await openRouteTestDatabase();
  await createCatalogue(harness.db);
  tokens = await harness.mintTokens(["VIEWER", "ENGINEER"]);
  post = (await import("@/app/api/v1/incidents/import/route")).POST;
});
afterAll(() => harness.close());

const CSV = "title,severity,services,started_at\r\nCart down,SEV2,cart,2026-03-01T10:00:00Z\r\n";
const send = (query: string, headers: Record<string, string>, body = CSV) =>
  post(new Request(`http://ops.example/api/v1/incidents/import${query}`, { method: "POST", headers: { "content-type": "text/csv", ...headers }, body }));
const asEngineer = () => ({ authorization: `Bearer ${tokens.ENGINEER.token}` });
const fieldsOf = async (response: Response) => ((await response.json()) as { errors: { field: string }[] }).errors.map((e) => e.field).sort();

describe("POST /api/v1/incidents/import", () => {
  it("checks a file without writing on a dry run, then imports it", async () => {
    const dry = await send("?dryRun=true", asEngineer());
    expect(dry.status).toBe(200);
    expect(await dry.json()).toMatchObject({ rows: 1, imported: 1, skipped: 0, errors: [] });
    expect(await harness.db.incident.count()).toBe(0);
    const real = await send("?dryRun=false", asEngineer());
    expect(await real.json()).toMatchObject({
      rows: 1,
      imported: 1,
      skipped: 0,
      errors: [],
      columns: [
        { header: "title", field: "title" },
        { header: "severity", field: "severity" },
        { header: "services", field: "services" },
        { header: "started_at", field: "started_at" },
      ],
    });
    expect(await harness.db.incident.count()).toBe(1);
  });

  it.each([
    ["", ["dryRun"]],
    ["?dryRun=yes", ["dryRun"]],
    ["?dryRun=TRUE", ["dryRun"]],
    ["?dryRun=true&dryRun=false", ["dryRun"]],
    ["?dryRun=true&force=1", ["force"]],
    ["?dryRun=true&mapping=nope", ["mapping"]],
    ["?dryRun=true&mapping=%5B%5D", ["mapping"]],
    [`?dryRun=true&mapping=${encodeURIComponent('{"title":"headline"}')}`, ["mapping"]],
    [`?dryRun=true&mapping=${encodeURIComponent('{"title":3}')}`, ["mapping"]],
  ])("refuses the query %j with a 400 naming %j", async (query, fields) => {
    const response = await send(query, asEngineer());
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(await fieldsOf(response)).toEqual(fields);
  });

  it("takes a mapping: a header to a field, or null to ignore it", async () => {
    const csv = "Headline,Sev,Svc,When,Notes\r\nSearch slow,P2,Search,2026-03-02 09:00,x\r\n";
    const mapping = encodeURIComponent(JSON.stringify({ Headline: "title", Svc: "services", When: "started_at", Notes: null }));
    const body = (await (await send(`?dryRun=true&mapping=${mapping}`, asEngineer(), csv)).json()) as { errors: unknown[]; columns: unknown[] };
    expect(body.errors).toEqual([]);
    expect(body.columns).toEqual([
      { header: "Headline", field: "title" },
      { header: "Sev", field: "severity" },
      { header: "Svc", field: "services" },
      { header: "When", field: "started_at" },
      { header: "Notes", field: null },
    ]);
  });

  it("refuses, writing nothing, a file that arrives shorter than its Content-Length (a proxy in front cut it)", async () => {
    const cut = (await send("?dryRun=false", { ...asEngineer(), "content-length": String(CSV.length + 500) })).status;
    expect(cut).toBe(413);
    expect(await harness.db.incident.count({ where: { title: "Cart down" } })).toBe(1); // the one imported above, no more
  });

  it("wants text/csv: anything else is a 415 problem", async () => {
    const response = await send("?dryRun=true", { ...asEngineer(), "content-type": "application/json" }, "{}");
    expect(response.status).toBe(415);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(response.headers.get("accept-post")).toBe("text/csv");
  });

  it("is 401 without credentials or with a bad token, and 403 for a VIEWER", async () => {
    session.actor = null;
    expect((await send("?dryRun=true", {})).status).toBe(401);
    expect((await send("?dryRun=true", { authorization: "Bearer opr_forged" })).status).toBe(401);
    expect((await send("?dryRun=true", { authorization: `Bearer ${tokens.VIEWER.token}` })).status).toBe(403);
  });

  it("takes the signed-in browser's session from this site only", async () => {
    session.actor = { userId: null, tokenId: null, label: "engineer@example.test", method: "UI", role: "ENGINEER" };
    expect((await send("?dryRun=true", { origin: "http://ops.example" })).status).toBe(200);
    expect((await send("?dryRun=true", { origin: "https://evil.example" })).status).toBe(403);
    expect((await send("?dryRun=true", {})).status).toBe(403);
    expect((await send("?dryRun=true", { origin: "http://ops.example", "sec-fetch-site": "cross-site" })).status).toBe(403);
    session.actor = { userId: null, tokenId: null, label: "viewer@example.test", method: "UI", role: "VIEWER" };
    expect((await send("?dryRun=true", { origin: "http://ops.example" })).status).toBe(403);
    session.actor = null;
  });
});
