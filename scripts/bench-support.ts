import { parseArgs } from "node:util";
import pg from "pg";
import { insertBulkIncidents } from "../prisma/demo-data/bulk";
import { applyMigrations } from "../prisma/migrate";
import { withScratchDatabase } from "./scratch-database";
import { seedDemoData } from "./seed";

/** Wall time of `run` in milliseconds: the median of `times` runs after 3 warm-ups. */
export async function medianMs(run: () => Promise<unknown>, times = 7): Promise<number> {
  for (let i = 0; i < 3; i++) await run();
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  return samples.sort((a, b) => a - b)[Math.floor(times / 2)] ?? Number.NaN;
}

/**
 * The command line every benchmark shares: `--database-url URL` measures that database as it
 * is; otherwise a scratch database gets the demo year plus `--incidents N` (100 000) bulk
 * incidents, fresh statistics, and is measured and dropped.
 */
export async function runBenchmark(measure: (url: string) => Promise<void>): Promise<void> {
  const { values } = parseArgs({ args: process.argv.slice(2).filter((a) => a !== "--"), options: { incidents: { type: "string" }, "database-url": { type: "string" } } });
  if (values["database-url"]) return measure(values["database-url"]);
  const count = Number(values.incidents ?? 100_000);
  if (!Number.isInteger(count) || count < 1) throw new Error(`--incidents must be a whole number of at least 1, got "${values.incidents}"`);
  await withScratchDatabase(async (url) => {
    await applyMigrations(url);
    const seeded = await seedDemoData(url);
    const bulk = await insertBulkIncidents(url, { count, seed: "bench" });
    const reviews = seeded.skipped ? "" : ` (${seeded.reviews} reviews, ${(seeded.ms / 1000).toFixed(1)} s)`;
    console.log(`Seeded the demo year${reviews} and ${bulk.incidents} bulk incidents in ${(bulk.totalMs / 1000).toFixed(1)} s.`);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query("VACUUM ANALYZE"); // as autovacuum would soon after such a load: fresh statistics and visibility map
    await client.end();
    await measure(url);
  });
}
