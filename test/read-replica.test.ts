import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { addIncident, createMetricsCatalogue } from "@/features/metrics/test-fixtures";
import { useTestDatabase } from "./database";
import { openRouteTestDatabase, type RouteHandler } from "./route-handlers";

// Two real databases holding different incidents: DATABASE_URL (the primary) and
// DATABASE_REPLICA_URL (standing in for a replica). Which one answered shows in the data.
let primary: Awaited<ReturnType<typeof openRouteTestDatabase>>;
const { db: replica, url: replicaUrl } = useTestDatabase({ poolMax: 2 });
let token = "";
let incidentsApi: { GET: RouteHandler; POST: RouteHandler };
let incidentApi: RouteHandler;
let weeklyApi: RouteHandler;

beforeAll(async () => {
  primary = await openRouteTestDatabase();
  vi.stubEnv("DATABASE_REPLICA_URL", replicaUrl());
  for (const database of [primary.db, replica]) await createMetricsCatalogue(database);
  // 2026-W10: the primary holds two Sev2s, the replica one Sev1.
  await addIncident(primary.db, { services: ["cart"], startedAt: "2026-03-03T10:00:00Z", mitigatedAt: "2026-03-03T11:00:00Z" });
  await addIncident(primary.db, { services: ["search"], startedAt: "2026-03-04T10:00:00Z", mitigatedAt: "2026-03-04T11:00:00Z" });
  await addIncident(replica, { services: ["cart"], startedAt: "2026-03-03T10:00:00Z", mitigatedAt: "2026-03-03T10:30:00Z", severity: "SEV1" });
  // The token exists on the primary only: a token check made on the replica would fail.
  token = (await primary.mintToken("ENGINEER")).token;
  const incidents = await import("@/app/api/v1/incidents/route");
  incidentsApi = { GET: incidents.GET as RouteHandler, POST: incidents.POST as RouteHandler };
  incidentApi = (await import("@/app/api/v1/incidents/[id]/route")).GET as RouteHandler;
  weeklyApi = (await import("@/app/api/v1/metrics/weekly/route")).GET as RouteHandler;
});

afterAll(async () => {
  const { readDb } = await import("@/lib/db");
  await readDb().$disconnect();
  await primary.close();
});

const headers = () => ({ authorization: `Bearer ${token}`, "content-type": "application/json" });
const call = (handler: RouteHandler, path: string, init: RequestInit = {}, params: Record<string, string> = {}) =>
  handler(new Request(`http://localhost${path}`, { headers: headers(), ...init }), { params: Promise.resolve(params) });

type Page = { items: { id: string; title: string; severity: string }[] };

describe("with DATABASE_REPLICA_URL set", () => {
  it("reads the incident list (API and page) from the replica, the trends from the primary, and checks the token on the primary", async () => {
    const list = await call(incidentsApi.GET, "/api/v1/incidents");
    expect(list.status).toBe(200);
    expect(((await list.json()) as Page).items.map((i) => i.severity)).toEqual(["SEV1"]);

    const { readIncidentList } = await import("@/features/incidents/list/queries");
    const { parseIncidentListParams } = await import("@/features/incidents/list/params");
    const pageRows = await readIncidentList(parseIncidentListParams({}).params);
    expect(pageRows.items.map((i) => i.severity)).toEqual(["SEV1"]); // the incident list page

    const weekly = await call(weeklyApi, "/api/v1/metrics/weekly?from=2026-03-02&to=2026-03-08");
    expect(weekly.status).toBe(200);
    const [week] = ((await weekly.json()) as { weeks: { sev1: number; sev2: number; impactMinutes: number }[] }).weeks;
    // the primary's two Sev2s of an hour each: the trends keep week cells, a write, so they read the primary
    expect(week).toMatchObject({ sev1: 0, sev2: 2, impactMinutes: 120 });
  });

  it("writes to the primary, and the read that follows the write sees it there", async () => {
    const body = {
      title: "Filed while a replica serves the lists",
      severity: "SEV2",
      status: "MITIGATED",
      services: ["cart"],
      startedAt: "2026-03-05T10:00:00Z",
      detectedAt: "2026-03-05T10:05:00Z",
      mitigatedAt: "2026-03-05T10:20:00Z",
      impact: { usersAffected: 5, regions: [], capabilities: ["checkout"] },
      blastRadius: "SINGLE_SERVICE",
      rootCause: { category: "CODE_CHANGE", description: "replica routing test" },
      ai: { involvement: "NONE" },
    };
    const created = await call(incidentsApi.POST, "/api/v1/incidents", { method: "POST", body: JSON.stringify(body) });
    expect(created.status).toBe(201);
    const { id, version } = (await created.json()) as { id: string; version: number };
    expect(await primary.db.incident.count({ where: { id } })).toBe(1);
    expect(await replica.incident.count({ where: { id } })).toBe(0);

    const read = await call(incidentApi, `/api/v1/incidents/${id}`, {}, { id });
    expect(read.status).toBe(200);
    expect(await read.json()).toMatchObject({ id, version, title: body.title });

    // The lag-tolerant list still shows the replica's copy, which has not caught up.
    const list = await call(incidentsApi.GET, "/api/v1/incidents");
    expect(((await list.json()) as Page).items.map((i) => i.id)).not.toContain(id);
  });
});
