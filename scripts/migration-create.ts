// Writes a new migration: the SQL that takes a freshly migrated database to schema.prisma.
// Usage: npm run db:migration -- add_something
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { MIGRATIONS_DIR, applyMigrations, readMigrations } from "../prisma/migrate";
import { diffDatabaseToSchema } from "../prisma/schema-engine";
import { withScratchDatabase } from "./scratch-database";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run db:migration -- <name in snake_case>");
  process.exit(2);
}

await withScratchDatabase(async (url) => {
  const empty = readMigrations().length === 0;
  if (!empty) await applyMigrations(url);
  const sql = await diffDatabaseToSchema(url, empty ? "empty" : "database");
  if (!sql) {
    console.log("schema.prisma and the migrations already agree; nothing to write.");
    return;
  }
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "migration.sql"), sql + "\n");
  console.log(`wrote ${path.relative(process.cwd(), dir)}/migration.sql; read it before committing.`);
});
