// Query plans for the tests that guard against whole-table reads. A small test table is cheaper
// to scan than to index, so plans are taken with sequential scans priced out
// (enable_seqscan = off): a sequential scan that still appears has no index able to serve it.
import pg from "pg";

type PlanNode = { "Node Type": string; "Relation Name"?: string; "Index Name"?: string; Plans?: PlanNode[] };

/** A query as pg takes it; a Prisma.Sql is one (its `text` has $1 placeholders). */
export type SqlQuery = { text: string; values: readonly unknown[] };

export type QueryPlan = {
  /** The relations read by a sequential scan, once each. */
  sequentialScans: string[];
  /** The indexes the plan reads. */
  indexes: string[];
};

/** The plan PostgreSQL picks for `query` on the database at `url`, with sequential scans priced out. */
export async function planOf(url: string, query: SqlQuery): Promise<QueryPlan> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SET enable_seqscan = off");
    const { rows } = await client.query<{ "QUERY PLAN": { Plan: PlanNode }[] }>(`EXPLAIN (FORMAT JSON) ${query.text}`, [...query.values]);
    const scans = new Set<string>();
    const indexes = new Set<string>();
    const walk = (node: PlanNode) => {
      if (node["Node Type"] === "Seq Scan" && node["Relation Name"]) scans.add(node["Relation Name"]);
      if (node["Index Name"]) indexes.add(node["Index Name"]);
      node.Plans?.forEach(walk);
    };
    walk(rows[0]!["QUERY PLAN"][0]!.Plan);
    return { sequentialScans: [...scans].sort(), indexes: [...indexes].sort() };
  } finally {
    await client.end();
  }
}
