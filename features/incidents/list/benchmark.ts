// Speed of the incident list on a big database, for docs/performance.md:
//   DATABASE_URL=postgresql://… npm run db:seed -- --incidents 100000
//   DATABASE_URL=postgresql://… npx tsx features/incidents/list/benchmark.ts
// For each view: EXPLAIN ANALYZE of the statements listIncidentPage runs (the sparse probe of a
// filtered view, the page with its rows, the count), their sum as the database floor, and the
// wall time of listIncidentPage as the page calls it, median of 7 after 3 warm-up runs; then
// the same from a cursor 25 000 rows into the view. Run VACUUM ANALYZE after seeding.
import pg from "pg";
import { createPrismaClient } from "@/lib/db/client";
import { COUNT_CAP, listIncidentPage } from "../reads";
import { parseIncidentListParams } from "./params";
import { encodeCursor, type ListPosition } from "./sort";
import { Prisma } from "@/lib/generated/prisma/client";
import { pageQuery, SPARSE_MATCHES } from "./keyset";
import { pageRowsQuery } from "./rows";
import { countQuery, filterConditions, matchingIdsQuery } from "./sql";
import { medianMs } from "@/scripts/bench-support";

const VIEWS: [string, string][] = [
  ["no filter, newest first", ""],
  ["no filter, oldest first", "sort=startedAt&order=asc"],
  ["Sev1 only", "severity=SEV1"],
  ["one service", "service=checkout-api"],
  ["one team, Sev1, AI involved", "team=payments&severity=SEV1&ai=involved"],
  ["policy violations in one month", "policyViolation=true&from=2025-06-01&to=2025-06-30"],
  ["postmortem in review", "postmortem=IN_REVIEW"],
  ["repeats only", "repeat=true"],
  ["no postmortem, Sev1, investigating", "postmortem=NONE&severity=SEV1&status=INVESTIGATING"],
  ["root cause config change, one quarter", "rootCause=CONFIG_CHANGE&from=2025-01-01&to=2025-03-31"],
  ["text search, common word", "q=checkout"],
  ["text search, a phrase", 'q="bot traffic"'],
  ["text search + Sev1", "q=waf&severity=SEV1"],
  ["text search + AI involved (no match)", "q=waf&ai=involved"],
  ["Sev1 first (sort by severity)", "sort=severity"],
  ["Sev1 first, Sev2 only", "sort=severity&severity=SEV2"],
  // A common word with each other filter.
  ["text search + one service", "q=checkout&service=checkout-api"],
  ["text search + one team, Sev1", "q=checkout&team=payments&severity=SEV1"],
  ["text search + investigating", "q=checkout&status=INVESTIGATING"],
  ["text search + policy violations", "q=checkout&policyViolation=true"],
  ["text search + root cause", "q=checkout&rootCause=CAPACITY"],
  ["text search + no postmortem", "q=checkout&postmortem=NONE"],
  ["text search + one month", "q=checkout&from=2025-06-01&to=2025-06-30"],
  ["text search, Sev1 first", "q=checkout&sort=severity"],
  ["text search, oldest first", "q=checkout&sort=startedAt&order=asc"],
  ["a whole reference", "q=INC-2025-0042"],
];

const url = process.env.DATABASE_URL;
if (!url) throw new Error("DATABASE_URL is not set: point it at the database to measure (seeded with --incidents).");
const db = createPrismaClient({ url, poolMax: 4 });
const client = new pg.Client({ connectionString: url });
await client.connect();

type Plan = { Plan: { "Node Type": string; "Index Name"?: string; Plans?: Plan["Plan"][] }; "Execution Time": number };
async function explain(query: { text: string; values: unknown[] }) {
  const { rows } = await client.query<{ "QUERY PLAN": Plan[] }>(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${query.text}`, query.values);
  const plan = rows[0]!["QUERY PLAN"][0]!;
  const indexes = new Set<string>();
  const walk = (node: Plan["Plan"]) => {
    if (node["Index Name"]) indexes.add(node["Index Name"]);
    node.Plans?.forEach(walk);
  };
  walk(plan.Plan);
  return { ms: plan["Execution Time"], indexes: [...indexes].join(", ") || "seq scan" };
}

const total = (await client.query<{ n: string }>("SELECT count(*) AS n FROM incidents")).rows[0]!.n;
console.log(`${total} incidents\n`);
console.log(
  "| view | rows matching | probe (EXPLAIN ANALYZE) | page with its rows | count (capped at 10 000) | database floor | listIncidentPage wall, median | page 1 000 deep: floor, wall |",
);
console.log("|---|---|---|---|---|---|---|---|");
const f = (ms: number) => `${ms.toFixed(1)} ms`;
for (const [name, query] of VIEWS) {
  const { params, errors } = parseIncidentListParams(new URLSearchParams(query), { strict: true });
  if (Object.keys(errors).length) throw new Error(`${name}: ${JSON.stringify(errors)}`);
  const where = filterConditions(params.filters, "UTC");
  const matching = (await db.$queryRaw<{ n: number }[]>(countQuery(where, 1_000_000)))[0]!.n;
  const probe = query === "" ? null : await explain(matchingIdsQuery(where, SPARSE_MATCHES + 1));
  const sparse = query !== "" && matching <= SPARSE_MATCHES;
  const ids = sparse ? ((await db.$queryRaw<{ ids: string[] | null }[]>(matchingIdsQuery(where, SPARSE_MATCHES + 1)))[0]!.ids ?? []) : [];
  const pageWhere = sparse ? Prisma.sql`i.id = ANY(${ids}::uuid[])` : where;
  const pageAt = (position: ListPosition | null) =>
    explain(pageRowsQuery(pageQuery(pageWhere, params.sort, position, "forwards", params.pageSize + 1, sparse)));
  const page = await pageAt(null);
  const count = sparse ? null : await explain(countQuery(where, COUNT_CAP));
  const floor = (probe?.ms ?? 0) + page.ms + (count?.ms ?? 0);
  const wall = await medianMs(() => listIncidentPage(db, { ...params, withTotal: true }));
  // A cursor 25 000 rows into the view (about page 1 000), to show depth costs nothing extra.
  const [deep] = await db.$queryRaw<{ id: string; started_at: Date; severity: string }[]>`
    SELECT * FROM (${pageQuery(where, params.sort, null, "forwards", Math.min(matching, 25_000), sparse)}) AS p OFFSET ${Math.max(0, Math.min(matching, 25_000) - 1)}`;
  const position = deep ? { id: deep.id, startedAt: deep.started_at, severity: deep.severity } : null;
  const cursor = position ? encodeCursor(params.sort.column, position) : undefined;
  const deepFloor = (probe?.ms ?? 0) + (await pageAt(position)).ms;
  const deepWall = await medianMs(() => listIncidentPage(db, { ...params, after: cursor }));
  const via = (plan: { ms: number; indexes: string }) => `${f(plan.ms)} (${plan.indexes})`;
  console.log(
    `| ${name} \`${query || "—"}\` | ${matching}${sparse ? " (sparse)" : ""} | ${probe ? via(probe) : "—"} | ${via(page)} | ${count ? f(count.ms) : "— (the probe's)"} | ${f(floor)} | ${f(wall)} | ${f(deepFloor)}, ${f(deepWall)} |`,
  );
}
await client.end();
await db.$disconnect();
