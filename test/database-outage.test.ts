import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { mintApiToken } from "@/features/tokens/mutations";
import { createPrismaClient, type Database } from "@/lib/db/client";
import { findFreePort, makeTempParent, startEmbeddedPostgres, type RunningPostgres } from "@/lib/db/embedded-postgres";
import { applyMigrations } from "@/prisma/migrate";
import { createDatabase } from "@/scripts/scratch-database";
import { mitigatedIncidentBody } from "./incident-body";
import type { RouteHandler } from "./route-handlers";

// PostgreSQL is stopped under a steady stream of writes and started again. This file runs its
// own server, so the other test files' server is never stopped.
const DATABASE = "outage";
let dataDir: string;
let port: number;
let server: RunningPostgres;
let url: string;
let check: Database;
let token: string;
let postIncident: RouteHandler;
let listIncidents: RouteHandler;
let health: () => Promise<Response>;

const start = (persistent: boolean) => startEmbeddedPostgres({ dataDir, port, persistent });

beforeAll(async () => {
  dataDir = path.join(makeTempParent("ops-review-outage-"), "pg");
  port = await findFreePort();
  server = await start(true);
  url = await createDatabase(server.urlFor("postgres"), DATABASE);
  await applyMigrations(url);
  check = createPrismaClient({ url, poolMax: 2 });
  const team = await check.team.create({ data: { slug: "storefront", name: "Storefront" } });
  await check.service.create({ data: { slug: "checkout-api", name: "Checkout API", teamId: team.id } });
  const system = { userId: null, tokenId: null, label: "test", method: "SYSTEM", role: "ADMIN" } as const;
  token = (await mintApiToken(check, { name: "writer", role: "ENGINEER", createdById: null, actor: system })).token;

  vi.stubEnv("DATABASE_URL", url);
  vi.stubEnv("DATABASE_CONNECT_TIMEOUT_MS", "500");
  vi.spyOn(console, "error").mockImplementation(() => {});
  const incidents = await import("@/app/api/v1/incidents/route");
  postIncident = incidents.POST as RouteHandler;
  listIncidents = incidents.GET as RouteHandler;
  health = (await import("@/app/api/health/route")).GET;
});

afterAll(async () => {
  const { db } = await import("@/lib/db");
  await db.$disconnect();
  await check.$disconnect();
  await server.stop();
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

const noParams = { params: Promise.resolve({}) };
const bearer = () => ({ authorization: `Bearer ${token}`, "content-type": "application/json" });

function fileIncident(title: string): Promise<Response> {
  const body = mitigatedIncidentBody({ title, change: { reference: "PR-9", authorLevel: "MID", approval: "PEER" }, ai: { involvement: "NONE" } });
  return postIncident(new Request("http://localhost/api/v1/incidents", { method: "POST", headers: bearer(), body: JSON.stringify(body) }), noParams);
}

type Outcome = { title: string; status: number; contentType: string | null; retryAfter: string | null; body: string };

/** Lanes of writers filing incidents one after another until told to stop. */
function startWriters(lanes: number) {
  const outcomes: Outcome[] = [];
  let running = true;
  let sequence = 0;
  const lane = async () => {
    while (running) {
      const title = `Outage probe ${++sequence}`;
      const response = await fileIncident(title);
      const body = await response.text();
      outcomes.push({
        title,
        status: response.status,
        contentType: response.headers.get("content-type"),
        retryAfter: response.headers.get("retry-after"),
        body,
      });
      if (response.status === 503) await new Promise((resolve) => setTimeout(resolve, 25)); // back off, as a client would
    }
  };
  const done = Promise.all(Array.from({ length: lanes }, lane));
  return {
    outcomes,
    async stop() {
      running = false;
      await done;
    },
  };
}

const waitUntil = async (condition: () => boolean, timeoutMs: number) => {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

describe("PostgreSQL stopped under a writer, then started again", () => {
  it("answers 503 problem+json with Retry-After while it is down, recovers without a restart, and loses or half-writes nothing", async () => {
    const writers = startWriters(3);
    // A wait that fails must still stop the writers before the server goes away.
    const until = (condition: () => boolean, timeoutMs: number) =>
      waitUntil(condition, timeoutMs).catch(async (error: unknown) => {
        await writers.stop();
        throw new Error(`${String(error)}; outcomes so far: ${JSON.stringify(writers.outcomes.slice(-3))}`);
      });
    await until(() => writers.outcomes.filter((o) => o.status === 201).length >= 5, 10_000);

    await server.stop();
    const stoppedAt = writers.outcomes.length;
    await until(() => writers.outcomes.slice(stoppedAt).filter((o) => o.status === 503).length >= 6, 10_000);

    // Reads and the health check say the same while it is down.
    const list = await listIncidents(new Request("http://localhost/api/v1/incidents", { headers: bearer() }), noParams);
    expect(list.status).toBe(503);
    expect(list.headers.get("content-type")).toBe("application/problem+json");
    expect(list.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(await list.json()).toMatchObject({ status: 503, title: "Service Unavailable" });
    expect((await health()).status).toBe(503);

    server = await start(false);
    const restartedAt = writers.outcomes.length;
    await until(() => writers.outcomes.slice(restartedAt).filter((o) => o.status === 201).length >= 5, 15_000);
    await writers.stop();
    expect((await health()).status).toBe(200);

    const { outcomes } = writers;
    expect(
      outcomes.filter((o) => o.status !== 201 && o.status !== 503),
      "only 201 and 503",
    ).toEqual([]);
    expect(outcomes.filter((o) => o.status === 503).length).toBeGreaterThanOrEqual(6);
    for (const refused of outcomes.filter((o) => o.status === 503)) {
      expect(refused.contentType).toBe("application/problem+json");
      expect(refused.retryAfter).toMatch(/^\d+$/);
    }
    const acknowledged = outcomes.filter((o) => o.status === 201).map((o) => o.title);
    const refused = outcomes.filter((o) => o.status === 503).map((o) => o.title);
    const stored = await check.incident.findMany({
      where: { title: { startsWith: "Outage probe" } },
      select: { id: true, title: true, _count: { select: { services: true } } },
    });
    expect(stored.map((i) => i.title).sort()).toEqual([...acknowledged].sort());
    expect(stored.filter((i) => refused.includes(i.title))).toEqual([]);
    // Each stored incident is whole: its service link and its audit event were written with it.
    expect(stored.filter((i) => i._count.services !== 1)).toEqual([]);
    const audited = await check.auditEvent.count({ where: { action: "incident.create", entityId: { in: stored.map((i) => i.id) } } });
    expect(audited).toBe(stored.length);
  }, 30_000);
});
