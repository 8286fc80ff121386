// What the period's incidents were made of: root causes, blast radius, and the services
// that hurt customers longest.
import { BLAST_RADII, ROOT_CAUSE_CATEGORIES } from "@/lib/domain/incident-enums";
import type { Database } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { minutesOf } from "./cells/cell";
import { periodTotals } from "./cells/periods";
import { serviceTotals } from "./cells/weeks";
import { resolveMetricsScope, scopeCondition, servicesInScope } from "./scope";
import { coveredMinutes, impactCandidates, impactInterval, metricsWindow, windowEnd, windowStart, type MetricsWindow } from "./sql";
import type { BlastRadius, CategoryCount, MetricsQuery, RootCauseCategory, ServiceImpact, TopServicesQuery } from "./types";

const { sql, join } = Prisma;

/** Every value of an enum in the documented order with its count (0 when absent). */
const listed = <K extends string>(keys: readonly K[], counts: Record<string, number>) =>
  keys.map((key): CategoryCount<K> => ({ key, count: counts[key] ?? 0 }));

/** Incidents started in the window per root cause, from the window's week cells. */
export async function queryRootCauseCounts(db: Database, q: MetricsQuery): Promise<CategoryCount<RootCauseCategory>[]> {
  const { total } = await periodTotals(db, metricsWindow(q), await resolveMetricsScope(db, q.scope));
  return listed(ROOT_CAUSE_CATEGORIES, total.rootCauses);
}

/** Incidents started in the window per blast radius, from the window's week cells. */
export async function queryBlastRadiusCounts(db: Database, q: MetricsQuery): Promise<CategoryCount<BlastRadius>[]> {
  const { total } = await periodTotals(db, metricsWindow(q), await resolveMetricsScope(db, q.scope));
  return listed(BLAST_RADII, total.blastRadii);
}

/** Incidents started in the window per value of an enum column, counted from every incident (the definition the cells are tested against). */
async function countBy<K extends string>(db: Database, q: MetricsQuery, column: "root_cause_category" | "blast_radius", keys: readonly K[]) {
  const window = metricsWindow(q);
  const scope = scopeCondition(await resolveMetricsScope(db, q.scope));
  const rows = await db.$queryRaw<{ key: string; count: number }[]>(sql`
    SELECT i.${Prisma.raw(column)}::text AS key, count(*)::int AS count FROM incidents i
    WHERE i.started_at >= ${windowStart(window)} AND i.started_at < ${windowEnd(window)} AND ${scope}
    GROUP BY 1`);
  return listed(keys, Object.fromEntries(rows.map((r) => [r.key, r.count])));
}

export function queryRootCauseCountsFromScratch(db: Database, q: MetricsQuery): Promise<CategoryCount<RootCauseCategory>[]> {
  return countBy(db, q, "root_cause_category", ROOT_CAUSE_CATEGORIES);
}

export function queryBlastRadiusCountsFromScratch(db: Database, q: MetricsQuery): Promise<CategoryCount<BlastRadius>[]> {
  return countBy(db, q, "blast_radius", BLAST_RADII);
}

type ServiceImpactRow = { slug: string; name: string; team: string; team_slug: string; impact_minutes: number; incidents: number };

/**
 * The services in scope with the most impact minutes in the window: each service's own
 * incidents merged (an overlap on one service counts once) and clipped to the window; ties
 * by incidents started in the window, then name. Services with neither are left out.
 */
export async function queryTopServicesByImpact(db: Database, q: TopServicesQuery): Promise<(ServiceImpact & { teamSlug: string })[]> {
  const scope = await resolveMetricsScope(db, q.scope);
  const totals = await serviceTotals(db, metricsWindow(q), scope, servicesInScope(scope));
  const measured = [...totals]
    .map(([id, t]) => ({ id, incidents: t.incidents, impactMinutes: minutesOf(t.impactUs) }))
    .filter((t) => t.impactMinutes > 0 || t.incidents > 0);
  // In name order as the database collates, so that ties fall as ORDER BY name puts them.
  const services = await db.service.findMany({
    where: { id: { in: measured.map((t) => t.id) } },
    select: { id: true, slug: true, name: true, team: { select: { name: true, slug: true } } },
    orderBy: { name: "asc" },
  });
  const byId = new Map(measured.map((t) => [t.id, t]));
  return services
    .map((s, nameRank) => ({ s, t: byId.get(s.id)!, nameRank }))
    .sort((a, b) => b.t.impactMinutes - a.t.impactMinutes || b.t.incidents - a.t.incidents || a.nameRank - b.nameRank)
    .slice(0, q.limit)
    .map(({ s, t }) => ({ slug: s.slug, name: s.name, team: s.team.name, teamSlug: s.team.slug, impactMinutes: t.impactMinutes, incidents: t.incidents }));
}

/** The same ranking computed from every incident of the window: the definition the cells are tested against. */
export async function queryTopServicesByImpactFromScratch(db: Database, q: TopServicesQuery): Promise<(ServiceImpact & { teamSlug: string })[]> {
  const scope = await resolveMetricsScope(db, q.scope);
  const rows = await db.$queryRaw<ServiceImpactRow[]>(topServicesSql(metricsWindow(q), scopeCondition(scope), servicesInScope(scope), q.limit));
  return rows.map((r) => ({ slug: r.slug, name: r.name, team: r.team, teamSlug: r.team_slug, impactMinutes: r.impact_minutes, incidents: r.incidents }));
}

/** The query behind queryTopServicesByImpact (exported for the benchmark's EXPLAIN). */
export function topServicesSql(window: MetricsWindow, scope: Prisma.Sql, serviceIds: string[] | null, limit: number): Prisma.Sql {
  const start = windowStart(window);
  const end = windowEnd(window);
  const onlyServices =
    serviceIds === null ? sql`TRUE` : serviceIds.length === 0 ? sql`FALSE` : sql`x.service_id IN (${join(serviceIds.map((id) => sql`${id}::uuid`))})`;
  return sql`
    WITH per_service AS (
      SELECT x.service_id,
        count(*) FILTER (WHERE i.started_at >= ${start})::int AS incidents,
        range_agg(${impactInterval(window.now)}) * tstzmultirange(tstzrange(${start}, ${end})) AS covered
      FROM (${impactCandidates(window, scope)}) AS i JOIN incident_services x ON x.incident_id = i.id
      WHERE ${onlyServices}
      GROUP BY x.service_id
    ),
    measured AS MATERIALIZED (
      SELECT service_id, incidents, ${coveredMinutes(sql`covered`)} AS impact_minutes FROM per_service
    )
    SELECT s.slug, s.name, t.name AS team, t.slug AS team_slug, m.impact_minutes, m.incidents
    FROM measured m JOIN services s ON s.id = m.service_id JOIN teams t ON t.id = s.team_id
    WHERE m.impact_minutes > 0 OR m.incidents > 0
    ORDER BY m.impact_minutes DESC, m.incidents DESC, s.name
    LIMIT ${limit}`;
}
