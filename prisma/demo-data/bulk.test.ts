import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { insertBulkIncidents } from "./bulk";
import { wideCatalogue } from "./bulk-catalogue";
import { BULK_INCIDENT_TABLES, REBUILD_THRESHOLD, shouldRebuildIndexes, withIndexesRebuiltAfter } from "./bulk-indexes";
import { SERVICES, TEAMS } from "./catalog";
import { createRandom } from "./random";

const now = new Date("2026-11-20T15:30:00Z");
let database: TestDatabase;
let client: pg.Client;

const indexes = async () =>
  (
    await client.query<{ indexdef: string }>("SELECT indexdef FROM pg_indexes WHERE tablename = ANY($1::text[]) ORDER BY indexdef", [BULK_INCIDENT_TABLES])
  ).rows.map((r) => r.indexdef);
const count = async (sql: string) => Number((await client.query<{ count: string }>(sql)).rows[0]?.count);

beforeAll(async () => {
  database = await createTestDatabase();
  client = new pg.Client({ connectionString: database.url });
  await client.connect();
});

afterAll(async () => {
  await client.end();
  await database.drop();
});

describe("shouldRebuildIndexes", () => {
  it("rebuilds only for a large load at least as big as the table", () => {
    expect(shouldRebuildIndexes(REBUILD_THRESHOLD - 1, 0)).toBe(false);
    expect(shouldRebuildIndexes(REBUILD_THRESHOLD, 0)).toBe(true);
    expect(shouldRebuildIndexes(100_000, 100_001)).toBe(false);
    expect(shouldRebuildIndexes(100_000, 100_000)).toBe(true);
  });
});

describe("withIndexesRebuiltAfter", () => {
  it("runs the work without the secondary indexes and leaves every index as it was", async () => {
    const before = await indexes();
    expect(before.some((def) => def.includes("incidents_search_filters_idx"))).toBe(true);
    await client.query("BEGIN");
    const during = await withIndexesRebuiltAfter(client, BULK_INCIDENT_TABLES, async () => indexes());
    await client.query("COMMIT");
    expect(during.some((def) => def.includes("incidents_search_filters_idx"))).toBe(false);
    expect(during.some((def) => def.includes("incidents_pkey"))).toBe(true);
    expect(during.some((def) => def.includes("incidents_reference_key"))).toBe(true);
    expect(await indexes()).toEqual(before);
  });
});

describe("wideCatalogue", () => {
  it("repeats the catalogue up to the size asked, each service on a team of its kind", () => {
    const wide = wideCatalogue({ services: 2_000, teams: 200 });
    expect(wide.services).toHaveLength(2_000);
    expect(wide.teams).toHaveLength(200);
    expect(new Set(wide.services.map((s) => s.slug)).size).toBe(2_000);
    const teams = new Set(wide.teams.map((t) => t.slug));
    for (const service of wide.services) expect(teams.has(service.teamSlug)).toBe(true);
    expect(new Set(wide.services.map((s) => s.teamSlug)).size).toBe(200);
    const sibling = wide.services.find((s) => s.slug === "checkout-api-7");
    expect(sibling).toMatchObject({ name: "Checkout API 7", sloTarget: 0.9995 });
    expect(sibling?.teamSlug.startsWith("storefront")).toBe(true);
  });

  it("keeps the catalogue whole when asked for less, and draws siblings of the same service", () => {
    const wide = wideCatalogue({ services: 1, teams: 1 });
    expect(wide.services.map((s) => s.slug)).toEqual(SERVICES.map((s) => s.slug));
    expect(wide.teams.map((t) => t.slug)).toEqual(TEAMS.map((t) => t.slug));
    const random = createRandom(1);
    const siblings = new Set(Array.from({ length: 500 }, () => wideCatalogue({ services: 150, teams: 5 }).siblingOf(random, "cart")));
    expect(siblings.size).toBe(10);
    for (const slug of siblings) expect(slug).toMatch(/^cart(-\d+)?$/);
  });
});

describe("insertBulkIncidents at volume", () => {
  it("writes postmortems for some, spreads incidents over a wide organisation, and keeps the indexes", async () => {
    const before = await indexes();
    const result = await insertBulkIncidents(database.url, { count: REBUILD_THRESHOLD, seed: 5, now, services: 300, teams: 30 });
    expect(result.incidents).toBe(REBUILD_THRESHOLD);
    expect(await indexes()).toEqual(before);
    expect(await count("SELECT count(*) FROM services")).toBe(300);
    expect(await count("SELECT count(*) FROM teams")).toBe(30);
    expect(await count("SELECT count(DISTINCT service_id) FROM incident_services")).toBeGreaterThan(250);
    const withPostmortem = await count("SELECT count(*) FROM postmortems");
    expect(withPostmortem).toBeGreaterThan(0.1 * REBUILD_THRESHOLD);
    expect(withPostmortem).toBeLessThan(0.3 * REBUILD_THRESHOLD);
    expect(await count("SELECT count(*) FROM audit_events WHERE action = 'incident.create'")).toBe(REBUILD_THRESHOLD);
  });
});
