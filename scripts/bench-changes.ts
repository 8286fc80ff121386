// Speed of the change failure rate on a big database, for docs/performance.md ("Change failure rate"):
//   npx tsx scripts/bench-changes.ts [--incidents 100000] [--changes 100000]   a scratch database, seeded and dropped
//   npx tsx scripts/bench-changes.ts --database-url URL                         an existing database, as it is
// The scratch database gets the demo year, the bulk incidents and `--changes` changes spread
// over the two years before now on the demo services, each incident of those years whose root
// cause is a change linked to the change deployed just before it with a chance of one in three.
// Then, over the 52 weeks ending with the current week: EXPLAIN ANALYZE and the median wall
// time of queryChangeMetrics (GET /api/v1/metrics/changes) and of the executive summary's
// incident comparison.
import pg from "pg";
import { changeMetricsSql } from "../features/changes/metrics-sql";
import { queryChangeMetrics } from "../features/changes/metrics";
import { aiIncidentComparisonSql, queryAiIncidentComparison } from "../features/metrics/ai-incidents";
import { changeScopeCondition, resolveMetricsScope, scopeCondition } from "../features/metrics/scope";
import { metricsWindow } from "../features/metrics/sql";
import type { MetricsQuery, MetricsScope } from "../features/metrics/types";
import { getOrganisationSettings } from "@/lib/organisation-settings";
import { createPrismaClient, type Database } from "../lib/db/client";
import { addWeeks, isoWeekOf } from "../lib/time/iso-week";
import { planTable, runBenchmark } from "./bench-support";

const TEAM = "storefront";
const SERVICE = "checkout-api";
const SPAN = "2 years";

/** `count` changes evenly over SPAN, about a third AI-involved (more of late), one in eight of those without the sign-off asked. */
async function insertBenchChanges(client: pg.Client, count: number): Promise<void> {
  await client.query(
    `INSERT INTO changes (id, reference, service_id, deployed_at, ai_involvement, ai_detected, ai_effective, approval, policy_violation, updated_at)
     SELECT gen_random_uuid(), 'bench-change-' || g, s.ids[1 + g % array_length(s.ids, 1)], now() - (g - 0.5) * $2::interval / $1::int,
       k.kind, k.kind, k.kind, 'PEER', k.kind <> 'NONE' AND random() < 0.125, now()
     FROM generate_series(1, $1::int) AS g,
       (SELECT array_agg(id ORDER BY slug) AS ids FROM services) AS s,
       LATERAL (SELECT (CASE WHEN random() < 0.45 - 0.25 * g / $1::float8 THEN (ARRAY['ASSISTED', 'GENERATED', 'AGENT'])[1 + g % 3] ELSE 'NONE' END)::"AiInvolvement" AS kind) AS k`,
    [count, SPAN],
  );
  // The change deployed just before the incident started: number ceil((now − start) ÷ step).
  const linked = await client.query(
    `UPDATE incidents SET change_reference = 'bench-change-' || ceil(extract(epoch FROM now() - started_at) / extract(epoch FROM $2::interval / $1::int))::int
     WHERE started_at > now() - $2::interval AND root_cause_category IN ('CODE_CHANGE', 'CONFIG_CHANGE', 'INFRA_CHANGE') AND random() < 1.0 / 3`,
    [count, SPAN],
  );
  await client.query("VACUUM ANALYZE changes, incidents");
  console.log(`Inserted ${count} changes over ${SPAN}; ${linked.rowCount} incidents name one.`);
}

async function measure(url: string, scratch: { changes: number } | null): Promise<void> {
  const db: Database = createPrismaClient({ url, poolMax: 8 });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    if (scratch) await insertBenchChanges(client, scratch.changes);
    const { timeZone } = await getOrganisationSettings(db);
    const now = new Date();
    const to = isoWeekOf(now, timeZone);
    const query = (scope: MetricsScope): MetricsQuery => ({ from: addWeeks(to, -51), to, timeZone, scope, now });
    const counts = (
      await client.query<{ changes: string; window: string; failed: string }>(
        `SELECT count(*) AS changes, count(*) FILTER (WHERE deployed_at > now() - interval '52 weeks') AS window,
         count(*) FILTER (WHERE EXISTS (SELECT 1 FROM incidents i WHERE i.change_reference = c.reference)) AS failed FROM changes c`,
      )
    ).rows[0]!;
    console.log(
      `${counts.changes} changes (about ${counts.window} in the 52 weeks), ${counts.failed} named by an incident; 52 weeks ending ${to.year}-W${to.week} in ${timeZone}\n`,
    );
    const row = planTable(client);
    for (const scope of [{}, { team: TEAM }, { service: SERVICE }] as MetricsScope[]) {
      const label = scope.team ? `team ${scope.team}` : scope.service ? `service ${scope.service}` : "everything";
      const q = query(scope);
      const resolved = await resolveMetricsScope(db, scope);
      await row(`change metrics, ${label}`, changeMetricsSql(metricsWindow(q), changeScopeCondition(resolved)), () => queryChangeMetrics(db, q));
      await row(`AI vs other incidents, ${label}`, aiIncidentComparisonSql(metricsWindow(q), scopeCondition(resolved)), () => queryAiIncidentComparison(db, q));
    }
  } finally {
    await client.end();
    await db.$disconnect();
  }
}

await runBenchmark(measure, { changes: 100_000 });
