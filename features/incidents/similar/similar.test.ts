import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { openRouteTestDatabase, type RouteHandler } from "@/test/route-handlers";
import { findSimilarIncidents, findSimilarIncidentsOf, resemblanceWords, toSimilarIncidentResponse } from "./reads";

// Similar incidents worked out by hand: THIS started 2026-06-01 and is about checkout payments
// timing out after a database failover. The API route reads the same database.
let harness: Awaited<ReturnType<typeof openRouteTestDatabase>>;
let db: Database;
let viewerToken = "";
const ids = new Map<string, string>();

type Text = { title: string; summary?: string; rootCause?: string };
const THIS: Text = {
  title: "Checkout payments timing out after database failover",
  summary: "Card payments failed while the primary database failed over to its replica.",
  rootCause: "The connection pool kept stale connections to the old primary.",
};

const filed: Prisma.IncidentCreateManyInput[] = [];
/** An incident to file (all at once, in beforeAll). */
function incident(reference: string, startedAt: string, text: Text) {
  filed.push({
    reference,
    title: text.title,
    summary: text.summary ?? "",
    rootCauseDescription: text.rootCause ?? "",
    severity: reference.endsWith("1") ? "SEV1" : "SEV2",
    status: "RESOLVED",
    startedAt: new Date(startedAt),
    blastRadius: "SINGLE_SERVICE",
    rootCauseCategory: "DEPENDENCY",
  });
}

const similarTo = async (reference: string) => (await findSimilarIncidents(db, ids.get(reference)!)).map((row) => row.reference);

beforeAll(async () => {
  harness = await openRouteTestDatabase();
  db = harness.db;
  viewerToken = (await harness.mintToken("VIEWER")).token;
  incident("THIS", "2026-06-01T00:00:00Z", THIS);
  // Started after THIS, with its very words: never similar to it, being later.
  incident("LATER", "2026-06-02T00:00:00Z", THIS);
  incident("CLOSE-1", "2026-01-10T00:00:00Z", {
    title: "Checkout payments timing out after a database failover",
    summary: "Payments failed while the primary database failed over.",
    rootCause: "Stale connections in the connection pool pointed at the old primary.",
  });
  incident("SOME", "2026-02-10T00:00:00Z", { title: "Payments slow during database maintenance", rootCause: "Vacuum held locks." });
  incident("UNRELATED", "2026-03-10T00:00:00Z", { title: "Search index outdated after catalogue import", rootCause: "The importer's job crashed." });
  // Six more with THIS's title alone, and words of their own: only five incidents are ever listed.
  for (const [n, place] of ["in Europe", "for guests", "on mobile", "at night", "during the sale", "in stores"].entries())
    incident(`TITLE-${n}`, `2026-04-0${n + 1}T00:00:00Z`, { title: `${THIS.title} ${place}`, summary: "Orders were lost." });
  // Quotes and backslashes in its words must not break the query built from them.
  incident("QUOTED", "2026-05-01T00:00:00Z", { title: "Can't reach O'Brien's \\ checkout payments database" });
  for (const row of await db.incident.createManyAndReturn({ data: filed, select: { id: true, reference: true } })) ids.set(row.reference, row.id);
  await db.$executeRaw`ANALYZE incidents`;
});
afterAll(() => harness.close());

describe("similar incidents", () => {
  it("lists the closest text first, at most five, only earlier incidents, never the incident itself", async () => {
    const similar = await similarTo("THIS");
    expect(similar[0]).toBe("CLOSE-1");
    expect(similar).toHaveLength(5);
    expect(similar).not.toContain("THIS");
    expect(similar).not.toContain("LATER");
    expect(similar).not.toContain("UNRELATED");
  });

  it("ranks by the share of words in common", async () => {
    const rows = await findSimilarIncidents(db, ids.get("THIS")!);
    const shares = rows.map((row) => row.resemblance);
    expect(shares).toEqual([...shares].sort((a, b) => b - a));
    expect(rows[0]!.resemblance).toBeGreaterThan(0.5);
    expect(toSimilarIncidentResponse(rows[0]!)).toEqual({
      reference: "CLOSE-1",
      title: "Checkout payments timing out after a database failover",
      startedAt: "2026-01-10T00:00:00.000Z",
      severity: "SEV1",
      rootCauseCategory: "DEPENDENCY",
      resemblance: "close",
    });
  });

  it("finds THIS for the later incident with its words, first", async () => {
    expect((await similarTo("LATER"))[0]).toBe("THIS");
  });

  it("finds nothing for the first incident of all, nor for one that shares no word", async () => {
    expect(await similarTo("CLOSE-1")).toEqual([]);
    expect(await similarTo("UNRELATED")).toEqual([]);
  });

  it("copes with quotes and backslashes in the words", async () => {
    expect((await similarTo("QUOTED")).length).toBeGreaterThan(0);
  });

  it("names an incident by id or reference, and answers null for an unknown one", async () => {
    expect((await findSimilarIncidentsOf(db, "this"))?.[0]?.reference).toBe("CLOSE-1");
    expect((await findSimilarIncidentsOf(db, ids.get("THIS")!))?.[0]?.reference).toBe("CLOSE-1");
    expect(await findSimilarIncidentsOf(db, "INC-1999-0001")).toBeNull();
    expect(await findSimilarIncidentsOf(db, "00000000-0000-4000-8000-000000000000")).toBeNull();
  });

  it("puts the resemblance in words", () => {
    expect([0.9, 0.5, 0.49, 0.25, 0.1].map(resemblanceWords)).toEqual([
      "close",
      "close",
      "many words in common",
      "many words in common",
      "some words in common",
    ]);
  });
});

describe("GET /api/v1/incidents/{id}/similar", () => {
  const get = async (id: string, token: string | null = viewerToken) => {
    const route = (await import("@/app/api/v1/incidents/[id]/similar/route")).GET as RouteHandler;
    const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
    return route(new Request(`http://localhost/api/v1/incidents/${id}/similar`, { headers }), { params: Promise.resolve({ id }) });
  };

  it("answers the similar incidents of an incident named by reference, closest first", async () => {
    const response = await get("this");
    expect(response.status).toBe(200);
    const body = (await response.json()) as { items: { reference: string; resemblance: string }[] };
    expect(body.items.map((item) => item.reference)).toEqual(await similarTo("THIS"));
    expect(body.items[0]).toMatchObject({ reference: "CLOSE-1", startedAt: "2026-01-10T00:00:00.000Z", rootCauseCategory: "DEPENDENCY", resemblance: "close" });
  });

  it("answers 404 for an unknown incident and 401 without a token", async () => {
    const unknown = await get("INC-1999-0001");
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get("content-type")).toContain("application/problem+json");
    expect((await get("this", null)).status).toBe(401);
  });
});
