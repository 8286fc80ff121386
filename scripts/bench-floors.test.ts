import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { insertBulkIncidents } from "@/prisma/demo-data/bulk";
import { decodeCursor } from "@/features/incidents/list/sort";
import { targetFactsOf } from "./bench-seed";
import { loadTargets } from "./bench-targets";

let database: TestDatabase;
let pool: pg.Pool;

beforeAll(async () => {
  database = await createTestDatabase();
  await insertBulkIncidents(database.url, { count: 600, seed: 9 });
  pool = new pg.Pool({ connectionString: database.url, max: 4 });
});

afterAll(async () => {
  await pool.end();
  await database.drop();
});

describe("the load benchmark's targets", () => {
  it("find a recent week and a cursor halfway down a small list", async () => {
    const facts = await targetFactsOf(database.url);
    expect(facts.busyWeek).toMatch(/^\d{4}-W\d{2}$/);
    expect(decodeCursor(facts.deepCursor, "startedAt")).not.toBeNull();
    expect(facts.from52 < facts.from13 && facts.from13 < facts.today).toBe(true);
  });

  it("each have a database floor that runs against a seeded database", async () => {
    const facts = await targetFactsOf(database.url);
    const context = { pool, timeZone: facts.timeZone, currentWeek: facts.currentWeek };
    const targets = loadTargets(facts);
    expect(targets.length).toBeGreaterThan(20);
    for (const target of targets) await expect(target.floor(context), target.name).resolves.not.toThrow();
    // The ingest floor files an incident as the API does: with its service and audit event.
    const { rows } = await pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM incidents i JOIN incident_services s ON s.incident_id = i.id
       JOIN audit_events a ON a.entity_id = i.id::text WHERE i.title LIKE 'Floor incident %'`,
    );
    expect(rows[0]?.n).toBe(1);
  });
});
