import { parseArgs } from "node:util";
import pg from "pg";
import { insertBulkIncidents } from "../prisma/demo-data/bulk";
import { applyMigrations } from "../prisma/migrate";
import { withScratchDatabase } from "./scratch-database";
import { seedDemoData } from "./seed";

type PlanNode = { "Index Name"?: string; "Relation Name"?: string; "Node Type": string; Plans?: PlanNode[] };

/** EXPLAIN ANALYZE of a query: its execution time and the indexes (or sequential scans) the plan used. */
async function explain(client: pg.Client, query: { text: string; values: unknown[] }) {
  const { rows } = await client.query<{ "QUERY PLAN": { Plan: PlanNode; "Execution Time": number }[] }>(
    `EXPLAIN (ANALYZE, FORMAT JSON) ${query.text}`,
    query.values,
  );
  const plan = rows[0]!["QUERY PLAN"][0]!;
  const used = new Set<string>();
  const walk = (node: PlanNode) => {
    if (node["Index Name"]) used.add(`${node["Node Type"] === "Index Only Scan" ? "index only: " : ""}${node["Index Name"]}`);
    if (node["Node Type"] === "Seq Scan") used.add(`seq scan of ${node["Relation Name"]}`);
    node.Plans?.forEach(walk);
  };
  walk(plan.Plan);
  return `${plan["Execution Time"].toFixed(1)} ms (${[...used].join(", ") || "no table read"})`;
}

type SqlQuery = { text: string; values: unknown[] };

/**
 * Prints the head of a Markdown table and returns its row printer: a query's EXPLAIN ANALYZE
 * (when its SQL is given) and the median wall time of the function the pages call.
 */
export function planTable(client: pg.Client) {
  console.log("| query | EXPLAIN ANALYZE | wall, median of 7 |");
  console.log("|---|---|---|");
  return async (name: string, sql: SqlQuery | null, run: () => Promise<unknown>) => {
    const plan = sql ? await explain(client, sql) : "—";
    console.log(`| ${name} | ${plan} | ${(await medianMs(run)).toFixed(1)} ms |`);
  };
}

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
 * incidents, fresh statistics, and is measured and dropped. A benchmark may take more counts
 * (`scratchCounts`, name → default, e.g. `--changes`): `measure` gets them for a scratch
 * database, to add what it measures, and null for an existing one.
 */
export async function runBenchmark<Counts extends Record<string, number>>(
  measure: (url: string, counts: Counts | null) => Promise<void>,
  scratchCounts: Counts = {} as Counts,
): Promise<void> {
  const names = ["incidents", ...Object.keys(scratchCounts)];
  const { values } = parseArgs({
    args: process.argv.slice(2).filter((a) => a !== "--"),
    options: Object.fromEntries([...names.map((name) => [name, { type: "string" }] as const), ["database-url", { type: "string" }] as const]),
  });
  const url = values["database-url"];
  if (typeof url === "string") return measure(url, null);
  const countOf = (name: string, fallback: number) => {
    const text = values[name];
    const count = typeof text === "string" ? Number(text) : fallback;
    if (!Number.isInteger(count) || count < 1) throw new Error(`--${name} must be a whole number of at least 1, got "${String(text)}"`);
    return count;
  };
  const count = countOf("incidents", 100_000);
  const counts = Object.fromEntries(Object.entries(scratchCounts).map(([name, fallback]) => [name, countOf(name, fallback)])) as Counts;
  await withScratchDatabase(async (scratchUrl) => {
    await applyMigrations(scratchUrl);
    const seeded = await seedDemoData(scratchUrl);
    const bulk = await insertBulkIncidents(scratchUrl, { count, seed: "bench" });
    const reviews = seeded.skipped ? "" : ` (${seeded.reviews} reviews, ${(seeded.ms / 1000).toFixed(1)} s)`;
    console.log(`Seeded the demo year${reviews} and ${bulk.incidents} bulk incidents in ${(bulk.totalMs / 1000).toFixed(1)} s.`);
    const client = new pg.Client({ connectionString: scratchUrl });
    await client.connect();
    await client.query("VACUUM ANALYZE"); // as autovacuum would soon after such a load: fresh statistics and visibility map
    await client.end();
    await measure(scratchUrl, counts);
  });
}
