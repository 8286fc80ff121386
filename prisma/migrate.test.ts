import { cpSync, mkdtempSync, mkdirSync, writeFileSync, appendFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { MIGRATIONS_DIR, MigrationError, applyMigrations, readMigrations } from "./migrate";
import { diffDatabaseToSchema } from "./schema-engine";

const databases: TestDatabase[] = [];
async function freshDatabase(migrate = false) {
  const db = await createTestDatabase({ migrate });
  databases.push(db);
  return db;
}
afterEach(async () => {
  await Promise.all(databases.splice(0).map((db) => db.drop()));
});

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

function copyOfMigrations(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "migrations-"));
  cpSync(MIGRATIONS_DIR, dir, { recursive: true });
  return dir;
}

describe("migrated database vs schema.prisma", () => {
  it("has exactly the tables, columns, types, defaults, keys and indexes of schema.prisma", async () => {
    const db = await freshDatabase();
    await applyMigrations(db.url);
    expect(await diffDatabaseToSchema(db.url)).toBe("");
  });

  it("notices a difference, so the comparison above can fail", async () => {
    const db = await freshDatabase();
    await applyMigrations(db.url);
    await query(db.url, `DROP INDEX "incidents_started_at_id_idx"; ALTER TABLE incidents ALTER COLUMN summary DROP DEFAULT`);
    const diff = await diffDatabaseToSchema(db.url);
    expect(diff).toContain("incidents_started_at_id_idx");
    expect(diff).toMatch(/summary.*SET DEFAULT/);
  });
});

describe("applyMigrations", () => {
  it("records each migration as Prisma does, with its checksum, and applies nothing twice", async () => {
    const db = await freshDatabase();
    const first = await applyMigrations(db.url);
    expect(first).toEqual(readMigrations().map((m) => m.name));
    expect(await applyMigrations(db.url)).toEqual([]);
    const rows = await query<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number }>(
      db.url,
      `SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows.map((r) => [r.migration_name, r.checksum])).toEqual(readMigrations().map((m) => [m.name, m.checksum]));
    expect(rows.every((r) => r.finished_at !== null && r.applied_steps_count === 1)).toBe(true);
  });

  it("lets two servers start at once: the advisory lock serialises them and each migration runs once", async () => {
    const db = await freshDatabase();
    const [a, b] = await Promise.all([applyMigrations(db.url), applyMigrations(db.url)]);
    expect([...a, ...b].sort()).toEqual(readMigrations().map((m) => m.name));
    const rows = await query<{ count: string }>(db.url, `SELECT count(*) FROM "_prisma_migrations"`);
    expect(Number(rows[0]?.count)).toBe(readMigrations().length);
  });

  it("refuses to run when an applied migration's file was changed", async () => {
    const db = await freshDatabase();
    const dir = copyOfMigrations();
    await applyMigrations(db.url, { dir });
    const [firstName] = readMigrations(dir).map((m) => m.name);
    appendFileSync(path.join(dir, firstName!, "migration.sql"), "\n-- edited afterwards\n");
    await expect(applyMigrations(db.url, { dir })).rejects.toThrow(/was modified after it was applied/);
  });

  it("rolls a failing migration back whole and records nothing for it", async () => {
    const db = await freshDatabase();
    const dir = copyOfMigrations();
    await applyMigrations(db.url, { dir });
    const broken = path.join(dir, "29991231000000_broken");
    mkdirSync(broken);
    writeFileSync(path.join(broken, "migration.sql"), `CREATE TABLE half_done (id int);\nSELECT no_such_function();\n`);
    await expect(applyMigrations(db.url, { dir })).rejects.toBeInstanceOf(MigrationError);
    const tables = await query(db.url, `SELECT 1 FROM information_schema.tables WHERE table_name = 'half_done'`);
    expect(tables).toEqual([]);
    const recorded = await query(db.url, `SELECT 1 FROM "_prisma_migrations" WHERE migration_name = '29991231000000_broken'`);
    expect(recorded).toEqual([]);
  });
});
