import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import type { Database } from "@/lib/db/client";
import { openRouteTestDatabase } from "@/test/route-handlers";
import { parseCsv } from "./test-csv";
import { createCatalogue, fileFixtures } from "./test-fixtures";

// GET /api/v1/incidents and GET /incidents/export, called as Next.js calls them, on a real database.
const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/current-actor", () => ({ currentUiActor: async () => session.actor, currentSessionUser: async () => null }));

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
let listApi: Handler;
let exportCsv: (request: Request) => Promise<Response>;
let harness: Awaited<ReturnType<typeof openRouteTestDatabase>>;
let db: Database;
let token = "";
let filed: Awaited<ReturnType<typeof fileFixtures>>;

beforeAll(async () => {
  harness = await openRouteTestDatabase();
  db = harness.db;
  await createCatalogue(db);
  filed = await fileFixtures(db);
  token = (await harness.mintToken("VIEWER")).token;
  listApi = (await import("@/app/api/v1/incidents/route")).GET as Handler;
  exportCsv = (await import("@/app/incidents/export/route")).GET;
});
afterAll(() => harness.close());

const get = (query: string, headers: Record<string, string> = { authorization: `Bearer ${token}` }) =>
  listApi(new Request(`http://localhost/api/v1/incidents${query}`, { headers }), { params: Promise.resolve({}) });
const referencesOf = (letters: (keyof typeof filed)[]) => letters.map((l) => filed[l].reference);

describe("GET /api/v1/incidents", () => {
  it("answers { items, nextCursor } with the documented filters", async () => {
    const response = await get("?from=2026-03-01&to=2026-03-31&severity=SEV2&service=cart&ai=NONE");
    expect(response.status).toBe(200);
    const body = (await response.json()) as { items: { reference: string; impactMinutes: number }[]; nextCursor: string | null };
    expect(Object.keys(body).sort()).toEqual(["items", "nextCursor"]);
    expect(body.items.map((i) => i.reference)).toEqual(referencesOf(["E", "B"]));
    expect(body.nextCursor).toBeNull();
  });

  it("pages with cursor = the nextCursor it was given, each row once", async () => {
    const seen: string[] = [];
    let query = "?limit=2";
    for (;;) {
      const body = (await (await get(query)).json()) as { items: { reference: string }[]; nextCursor: string | null };
      seen.push(...body.items.map((i) => i.reference));
      if (!body.nextCursor) break;
      query = `?limit=2&cursor=${body.nextCursor}`;
    }
    expect(seen).toEqual(referencesOf(["E", "C", "B", "A", "D"]));
  });

  it("answers a bad parameter with a problem+json 400 that names it, field by field", async () => {
    const response = await get("?severity=SEV3&from=last-week&cursor=nope&colour=red");
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    const body = (await response.json()) as { status: number; errors: { field: string; messages: string[] }[] };
    expect(body.status).toBe(400);
    expect(body.errors.map((e) => e.field).sort()).toEqual(["colour", "cursor", "from", "severity"]);
    expect(body.errors.find((e) => e.field === "severity")?.messages).toEqual(['"SEV3" is not one of SEV1, SEV2']);
  });

  it("wants a token: 401 without one, and a browser session does not count", async () => {
    session.actor = { userId: null, tokenId: null, label: "viewer@example.test", method: "UI", role: "VIEWER" };
    expect((await get("", {})).status).toBe(401);
    session.actor = null;
  });
});

describe("GET /incidents/export", () => {
  const download = (query: string, headers: Record<string, string> = {}) => exportCsv(new Request(`http://localhost/incidents/export${query}`, { headers }));

  it("is 401 for a browser that is not signed in", async () => {
    session.actor = null;
    const response = await download("?severity=SEV1");
    expect(response.status).toBe(401);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
  });

  it("sends a signed-in reader the CSV of exactly the filtered rows, as an attachment", async () => {
    session.actor = { userId: null, tokenId: null, label: "viewer@example.test", method: "UI", role: "VIEWER" };
    const response = await download("?team=platform&sort=startedAt&order=asc");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/csv; charset=utf-8/);
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="incidents-\d{12}\.csv"$/);
    const [, ...rows] = parseCsv(await response.text());
    expect(rows.map((r) => r[0])).toEqual(referencesOf(["D", "C"]));
    session.actor = null;
  });

  it("ignores the page a view was on: the export holds every page", async () => {
    session.actor = { userId: null, tokenId: null, label: "viewer@example.test", method: "UI", role: "VIEWER" };
    const first = (await (await get("?limit=1")).json()) as { nextCursor: string };
    const [, ...rows] = parseCsv(await (await download(`?limit=1&cursor=${first.nextCursor}`)).text());
    expect(rows).toHaveLength(5);
    session.actor = null;
  });

  it("takes an API token too, for scripts", async () => {
    const response = await download("?severity=SEV1", { authorization: `Bearer ${token}` });
    expect(response.status).toBe(200);
    expect(parseCsv(await response.text())).toHaveLength(3);
    expect((await download("", { authorization: "Bearer opr_forged" })).status).toBe(401);
  });

  it("is 400 naming a bad parameter", async () => {
    session.actor = { userId: null, tokenId: null, label: "viewer@example.test", method: "UI", role: "VIEWER" };
    const response = await download("?postmortem=LOST");
    expect(response.status).toBe(400);
    expect(((await response.json()) as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual(["postmortem"]);
    session.actor = null;
  });
});
