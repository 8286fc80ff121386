// At 100 000 incidents the similar-incidents query finds its candidates through the GIN index of
// the search column and reads no incidents whole, as the planner chooses it with sequential
// scans allowed (no pricing out: the table is big enough for the choice to be real).
import { beforeAll, expect, it } from "vitest";
import pg from "pg";
import { Prisma } from "@/lib/generated/prisma/client";
import { useTestDatabase } from "@/test/database";
import { findSimilarIncidents } from "./reads";
import { similarIncidentsQuery } from "./sql";

const { db, url } = useTestDatabase({ poolMax: 2 });
const COUNT = 100_000;

// Words of a realistic shape: a service, a failure, a trigger and a component; the multipliers
// spread them so that each pairing recurs, some often and some rarely.
const SERVICES = ["checkout", "payments", "search", "cart", "sign-in", "inventory", "pricing", "shipping", "notifications", "catalogue", "reviews", "wishlist"];
const FAILURES = ["timeouts", "errors", "latency", "outage", "crash loop", "stale data", "dropped orders", "double charges", "memory leak", "queue backlog"];
const TRIGGERS = [
  "a deploy",
  "a config push",
  "a certificate expiry",
  "a database failover",
  "a cache eviction",
  "a provider outage",
  "a traffic spike",
  "a schema migration",
];
const COMPONENTS = [
  "connection pool",
  "load balancer",
  "feature flag",
  "kafka consumer",
  "redis cluster",
  "cdn edge",
  "dns resolver",
  "retry policy",
  "rate limiter",
  "thread pool",
  "index rebuild",
  "cron job",
  "tls handshake",
  "json parser",
];

beforeAll(async () => {
  await db.$executeRaw(bulkInsert);
  // Only the columns the query and its plan read: quicker than the whole table.
  await db.$executeRaw`ANALYZE incidents (id, started_at, search_vector)`;
}, 60_000);

// One statement: 100 000 incidents in a few seconds.
const bulkInsert = Prisma.sql`
    INSERT INTO incidents (id, reference, title, summary, root_cause_description, severity, status, started_at, blast_radius, root_cause_category, updated_at)
    SELECT gen_random_uuid(), 'INC-2024-' || n,
      s || ' ' || f || ' after ' || t,
      'Customers saw ' || f || '.',
      'The ' || c || ' broke.',
      (CASE WHEN n % 5 = 0 THEN 'SEV1' ELSE 'SEV2' END)::"Severity", 'RESOLVED', timestamptz '2024-01-01' + n * interval '5 minutes',
      'SINGLE_SERVICE', 'CODE_CHANGE', now()
    FROM generate_series(1, ${COUNT}::int) AS n,
      LATERAL (SELECT (${SERVICES}::text[])[1 + n * 7 % ${SERVICES.length}::int] AS s, (${FAILURES}::text[])[1 + n * 11 % ${FAILURES.length}::int] AS f,
        (${TRIGGERS}::text[])[1 + n * 13 % ${TRIGGERS.length}::int] AS t, (${COMPONENTS}::text[])[1 + n * 17 % ${COMPONENTS.length}::int] AS c) AS words`;

it("finds an incident's similar ones through the search column's index at 100 000 incidents", async () => {
  const [incident] = await db.$queryRaw<{ id: string }[]>`SELECT id::text AS id FROM incidents WHERE reference = 'INC-2024-90000'`;
  const query = similarIncidentsQuery(incident!.id);
  const client = new pg.Client({ connectionString: url() });
  await client.connect();
  try {
    const { rows } = await client.query<{ "QUERY PLAN": string }>(`EXPLAIN ${query.text}`, [...query.values]);
    const plan = rows.map((row) => row["QUERY PLAN"]).join("\n");
    expect(plan).toContain("Bitmap Index Scan on incidents_search_filters_idx");
    expect(plan).not.toMatch(/Seq Scan on incidents/);
  } finally {
    await client.end();
  }
  const similar = await findSimilarIncidents(db, incident!.id);
  expect(similar).toHaveLength(5);
  // INC-2024-90000 started 90 000 × 5 minutes after the first.
  const startedAt = new Date(Date.parse("2024-01-01T00:00:00Z") + 90_000 * 5 * 60_000);
  expect(similar.every((row) => row.startedAt < startedAt)).toBe(true);
});
