// Speed of the metrics queries on a big database, for docs/performance.md ("Metrics"):
//   npx tsx scripts/bench-metrics.ts [--incidents 100000]   a scratch database, seeded and dropped
//   npx tsx scripts/bench-metrics.ts --database-url URL     an existing database, as it is
// For each query over the 52 weeks ending with the current week: EXPLAIN ANALYZE (time and
// the indexes used) and the wall time of the function the pages call, median of 7 after 3
// warm-ups; then the whole dashboard (every query at once, as the page runs them).
import pg from "pg";
import { queryBlastRadiusCounts, queryRootCauseCounts, queryTopServicesByImpact, topServicesSql } from "../features/metrics/breakdowns";
import { previousPeriod } from "../features/metrics/params";
import { periodSummarySql, weeklyMetricsSql } from "../features/metrics/from-scratch";
import { queryPeriodSummary } from "../features/metrics/period";
import { resolveMetricsScope, scopeCondition, servicesInScope } from "../features/metrics/scope";
import { metricsWindow } from "../features/metrics/sql";
import type { MetricsQuery, MetricsScope } from "../features/metrics/types";
import { queryWeeklyMetrics } from "../features/metrics/weekly";
import { getOrganisationSettings } from "@/lib/organisation-settings";
import { queryFollowThrough } from "../features/follow-through/reads";
import { followThroughSql } from "../features/follow-through/sql";
import { createPrismaClient, type Database } from "../lib/db/client";
import { addWeeks, isoWeekOf } from "../lib/time/iso-week";
import { planTable, runBenchmark } from "./bench-support";

const TEAM = "storefront"; // the team with the most services
const SERVICE = "checkout-api"; // the service with the most incidents

async function measure(url: string): Promise<void> {
  const db: Database = createPrismaClient({ url, poolMax: 8 });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { timeZone } = await getOrganisationSettings(db);
    const now = new Date();
    const to = isoWeekOf(now, timeZone);
    const query = (scope: MetricsScope, weeks = 52): MetricsQuery => ({ from: addWeeks(to, 1 - weeks), to, timeZone, scope, now });
    const total = (await client.query<{ n: string }>("SELECT count(*) AS n FROM incidents")).rows[0]!.n;
    console.log(`${total} incidents; 52 weeks ending ${to.year}-W${to.week} in ${timeZone}\n`);
    // A cold start: every closed week of the year computed for every scope (docs/metrics.md, "How the figures are kept").
    await client.query("DELETE FROM metric_week_cells");
    const started = performance.now();
    await queryWeeklyMetrics(db, query({}));
    console.log(`Cold start (52 weeks' cells filled for every scope): ${(performance.now() - started).toFixed(0)} ms\n`);
    console.log("EXPLAIN ANALYZE is of the computation from every incident; the wall time is of what the pages call (the week cells).\n");
    const row = planTable(client);
    for (const scope of [{}, { team: TEAM }, { service: SERVICE }] as MetricsScope[]) {
      const label = scope.team ? `team ${scope.team}` : scope.service ? `service ${scope.service}` : "everything";
      const q = query(scope);
      const resolved = await resolveMetricsScope(db, scope);
      const where = scopeCondition(resolved);
      await row(`weekly, ${label}`, weeklyMetricsSql(metricsWindow(q), where), () => queryWeeklyMetrics(db, q));
      await row(`period summary, ${label}`, periodSummarySql(metricsWindow(q), where), () => queryPeriodSummary(db, q));
      await row(`top services, ${label}`, topServicesSql(metricsWindow(q), where, servicesInScope(resolved), 10), () =>
        queryTopServicesByImpact(db, { ...q, limit: 10 }),
      );
      // Read from the action items and incidents themselves on every request (no cells).
      await row(`follow-through, ${label}`, followThroughSql(metricsWindow(q), where), () => queryFollowThrough(db, q));
    }
    await row("root causes, everything", null, () => queryRootCauseCounts(db, query({})));
    await row("blast radius, everything", null, () => queryBlastRadiusCounts(db, query({})));
    // The dashboard: this period and the one before, weekly series, breakdowns, all at once.
    const dashboard = (scope: MetricsScope) => {
      const q = query(scope);
      return Promise.all([
        queryWeeklyMetrics(db, q),
        queryPeriodSummary(db, q),
        queryPeriodSummary(db, { ...q, ...previousPeriod(q.from, q.to) }),
        queryRootCauseCounts(db, q),
        queryBlastRadiusCounts(db, q),
        queryTopServicesByImpact(db, { ...q, limit: 10 }),
      ]);
    };
    await row("whole dashboard (6 queries in parallel), everything", null, () => dashboard({}));
    await row(`whole dashboard, team ${TEAM}`, null, () => dashboard({ team: TEAM }));
  } finally {
    await client.end();
    await db.$disconnect();
  }
}

await runBenchmark(measure);
