// `npm run db:seed [-- --incidents N] [-- --changes N] [-- --seed S]`: fills DATABASE_URL's
// database with a year of demo data, or adds bulk data for speed work: N incidents over three
// years, or N changes over two (with the incidents of the few that failed; see bulk-changes.ts).
// Migrations are applied first; each prints what it added and how long it took.
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import pg from "pg";
import { insertBulkIncidents } from "../prisma/demo-data/bulk";
import { insertBulkChanges } from "../prisma/demo-data/bulk-changes";
import { generateDemoData } from "../prisma/demo-data/generate";
import { ensureCatalogue, ensureOrganisationSettings, insertChanges, insertIncidents, type InsertedCounts } from "../prisma/demo-data/insert";
import { seedDemoReviews } from "../prisma/demo-data/reviews";
import { inTransaction } from "../prisma/demo-data/sql";
import { createPrismaClient } from "../lib/db/client";
import { applyMigrations } from "../prisma/migrate";

export const DEFAULT_DEMO_SEED = 2026;
/** Serialises concurrent seeders (two app instances starting on one empty database). */
const SEED_LOCK_KEY = 72707370;

export type SeedResult = { skipped: true; reason: string } | ({ skipped: false; ms: number; reviews: number; changes: number } & InsertedCounts);

/**
 * Fills an empty database with the demo year: catalogue, demo accounts, incidents and the
 * changes deployed up to `now`. A database that already has incidents is left alone, so running it twice is safe.
 * Expects a migrated database (the CLI and the start script migrate first).
 */
export async function seedDemoData(databaseUrl: string, options: { now?: Date; seed?: number | string } = {}): Promise<SeedResult> {
  const started = performance.now();
  const now = options.now ?? new Date();
  const data = generateDemoData({ seed: options.seed ?? DEFAULT_DEMO_SEED, now });
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  let inserted: SeedResult;
  try {
    inserted = await inTransaction(client, async (): Promise<SeedResult> => {
      await client.query("SELECT pg_advisory_xact_lock($1)", [SEED_LOCK_KEY]);
      const { rows } = await client.query<{ count: string }>("SELECT count(*) FROM incidents");
      const existing = Number(rows[0]?.count ?? 0);
      if (existing > 0) return { skipped: true, reason: `the database already has ${existing} incidents` };
      await ensureOrganisationSettings(client);
      const ids = await ensureCatalogue(client, data);
      const counts = await insertIncidents(client, data.incidents, ids);
      const changes = await insertChanges(client, data.changes, ids);
      return { skipped: false, ms: 0, reviews: 0, changes, ...counts };
    });
  } finally {
    await client.end();
  }
  if (inserted.skipped) return inserted;
  // The reviews go through the app's own review functions, on the committed demo year.
  const db = createPrismaClient({ url: databaseUrl, poolMax: 2 });
  try {
    const reviews = await seedDemoReviews(db, now);
    return { ...inserted, reviews, ms: Math.round(performance.now() - started) };
  } finally {
    await db.$disconnect();
  }
}

function wholeNumberOption(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new Error(`--${name} must be a whole number of at least 1, got "${value}"`);
  return number;
}

function parseCli(argv: string[]): { incidents?: number; changes?: number; seed: string } {
  const { values } = parseArgs({ args: argv, options: { incidents: { type: "string" }, changes: { type: "string" }, seed: { type: "string" } } });
  return {
    incidents: wholeNumberOption("incidents", values.incidents),
    changes: wholeNumberOption("changes", values.changes),
    seed: values.seed ?? String(DEFAULT_DEMO_SEED),
  };
}

async function main(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    throw new Error("DATABASE_URL is not set: set it to the postgresql:// URL of the database to seed.");
  }
  // `npm run db:seed -- --incidents 5 -- --seed 3` leaves stray "--" separators: ignore them.
  const args = parseCli(process.argv.slice(2).filter((arg) => arg !== "--"));
  await applyMigrations(databaseUrl, { log: (line) => console.log(line) });
  if (args.incidents !== undefined) {
    const result = await insertBulkIncidents(databaseUrl, { count: args.incidents, seed: args.seed });
    console.log(`Added ${result.incidents} incidents in ${result.totalMs} ms (${result.generateMs} ms of it generating them).`);
  }
  if (args.changes !== undefined) {
    const result = await insertBulkChanges(databaseUrl, { count: args.changes, seed: args.seed });
    console.log(
      `Added ${result.changes} changes and the ${result.incidents} incidents the failed ones caused in ${result.totalMs} ms ` +
        `(${result.generateMs} ms of it generating them).`,
    );
  }
  if (args.incidents !== undefined || args.changes !== undefined) return;
  const result = await seedDemoData(databaseUrl, { seed: args.seed });
  if (result.skipped) {
    console.log(`Demo data not added: ${result.reason}. Use --incidents N or --changes N to add bulk data anyway.`);
    return;
  }
  console.log(
    `Demo data added in ${result.ms} ms: ${result.incidents} incidents, ${result.changes} changes, ${result.postmortems} postmortems, ` +
      `${result.actionItems} action items, ${result.timelineEvents} timeline events, ${result.fiveWhys} five whys.`,
  );
}

// Run only as a command: scripts/start.ts imports seedDemoData from here.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    await main();
  } catch (error) {
    console.error(`db:seed failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
