// Speed of "similar incidents" on a big database, for docs/performance.md ("Similar incidents"):
//   npx tsx scripts/bench-similar.ts [--incidents 1000000]   a scratch database, seeded and dropped
//   npx tsx scripts/bench-similar.ts --database-url URL      an existing database, as it is (read-only)
// For 50 incidents spread evenly over the table's history (by start), the wall time of what the
// incident page calls, once each: median, 95th percentile and slowest; the candidates scored
// and the rows found; then EXPLAIN ANALYZE of the median one, with the indexes it used.
import pg from "pg";
import { findSimilarIncidents } from "../features/incidents/similar/reads";
import { similarIncidentsQuery } from "../features/incidents/similar/sql";
import { createPrismaClient } from "../lib/db/client";
import { runBenchmark } from "./bench-support";

const SAMPLE = 50;

type PlanNode = { "Node Type": string; "Index Name"?: string; "Relation Name"?: string; "Actual Rows"?: number; Plans?: PlanNode[] };

async function measure(url: string): Promise<void> {
  const db = createPrismaClient({ url, poolMax: 2 });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const total = Number((await client.query<{ n: string }>("SELECT count(*) AS n FROM incidents")).rows[0]!.n);
    // Every (total / SAMPLE)th incident by start: old ones with little history before them, recent ones with much.
    const { rows } = await client.query<{ id: string; reference: string }>(
      `SELECT id::text AS id, reference FROM (SELECT id, reference, row_number() OVER (ORDER BY started_at) AS n FROM incidents) AS ordered
       WHERE n % GREATEST(1, $1::bigint / $2) = 0 LIMIT $2`,
      [total, SAMPLE],
    );
    for (const { id } of rows.slice(0, 3)) await findSimilarIncidents(db, id); // warm-up
    const samples: { ms: number; id: string; reference: string; found: number }[] = [];
    for (const { id, reference } of rows) {
      const started = performance.now();
      const found = (await findSimilarIncidents(db, id)).length;
      samples.push({ ms: performance.now() - started, id, reference, found });
    }
    samples.sort((a, b) => a.ms - b.ms);
    const at = (share: number) => samples[Math.min(samples.length - 1, Math.ceil(share * samples.length) - 1)]!;
    const median = at(0.5);
    const query = similarIncidentsQuery(median.id);
    const explained = await client.query<{ "QUERY PLAN": { Plan: PlanNode; "Execution Time": number }[] }>(`EXPLAIN (ANALYZE, FORMAT JSON) ${query.text}`, [
      ...query.values,
    ]);
    const plan = explained.rows[0]!["QUERY PLAN"][0]!;
    const used = new Set<string>();
    let candidates = 0;
    const walk = (node: PlanNode) => {
      if (node["Index Name"] && !node["Index Name"].startsWith("pg_")) used.add(node["Index Name"]);
      if (node["Node Type"] === "Seq Scan" && node["Relation Name"] === "incidents") used.add("seq scan of incidents");
      if (node["Node Type"] === "Bitmap Heap Scan" && node["Relation Name"] === "incidents") candidates = node["Actual Rows"] ?? 0;
      node.Plans?.forEach(walk);
    };
    walk(plan.Plan);
    const f = (ms: number) => `${ms.toFixed(1)} ms`;
    const found = samples.map((s) => s.found);
    console.log(`${total} incidents; ${samples.length} incidents spread over their history, each asked once after 3 warm-ups\n`);
    console.log("| median | p95 | slowest | incidents with 5 found / none found | EXPLAIN ANALYZE of the median one |");
    console.log("|---|---|---|---|---|");
    console.log(
      `| ${f(median.ms)} | ${f(at(0.95).ms)} | ${f(samples.at(-1)!.ms)} (${samples.at(-1)!.reference}) | ${found.filter((n) => n === 5).length} / ${found.filter((n) => n === 0).length} | ${f(plan["Execution Time"])}, ${candidates} candidates scored (${[...used].join(", ")}) |`,
    );
  } finally {
    await client.end();
    await db.$disconnect();
  }
}

await runBenchmark(measure);
