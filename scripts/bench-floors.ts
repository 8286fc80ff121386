// The database floor of each benchmarked endpoint: the SQL its handler runs, through a plain
// pg Pool at the same concurrency, with no app in between. Each floor is a small function
// built from the SQL builders the app exports, so that it follows them when they change;
// where a handler reads through Prisma calls rather than one builder (the agenda), its floor
// is the same reads written as SQL.
import type pg from "pg";
import { changeMetricsSql } from "../features/changes/metrics-sql";
import { pageQuery, SPARSE_MATCHES } from "../features/incidents/list/keyset";
import { parseIncidentListParams } from "../features/incidents/list/params";
import { decodeCursor } from "../features/incidents/list/sort";
import { countQuery, filterConditions, TRUE_CONDITION } from "../features/incidents/list/sql";
import { aiIncidentComparisonSql } from "../features/metrics/ai-incidents";
import { topServicesSql } from "../features/metrics/breakdowns";
import { previousPeriod } from "../features/metrics/params";
import { periodSummarySql } from "../features/metrics/period";
import { changeScopeCondition, scopeCondition, servicesInScope, type ResolvedScope } from "../features/metrics/scope";
import { metricsWindow } from "../features/metrics/sql";
import type { MetricsQuery, MetricsScope } from "../features/metrics/types";
import { weeklyMetricsSql } from "../features/metrics/weekly";
import { addWeeks, isoWeekStartDate, parseIsoWeek, type IsoWeek } from "../lib/time/iso-week";

export type Query = { text: string; values: unknown[] };
export type FloorContext = { pool: pg.Pool; timeZone: string; currentWeek: IsoWeek };
/** One request's worth of database work. */
export type Floor = (context: FloorContext) => Promise<unknown>;

const run = (pool: pg.Pool, query: Query) => pool.query(query.text, query.values);
const settings = (pool: pg.Pool) => pool.query("SELECT * FROM organisation_settings WHERE id = 1");

/** The scope lookup every metrics handler does first, then the ids it stands for. */
async function resolveScope(pool: pg.Pool, scope: MetricsScope): Promise<ResolvedScope> {
  if (scope.team) {
    const { rows } = await pool.query<{ id: string }>("SELECT s.id FROM teams t JOIN services s ON s.team_id = t.id WHERE t.slug = $1", [scope.team]);
    return { teamServiceIds: rows.map((r) => r.id) };
  }
  if (scope.service) {
    const { rows } = await pool.query<{ id: string }>("SELECT id FROM services WHERE slug = $1", [scope.service]);
    return { serviceId: rows[0]?.id };
  }
  return {};
}

const metricsQuery = (context: FloorContext, weeks: number, scope: MetricsScope, to = context.currentWeek): MetricsQuery => ({
  from: addWeeks(to, 1 - weeks),
  to,
  timeZone: context.timeZone,
  scope,
});

/** GET /api/v1/metrics/weekly. */
export const weeklyFloor = (weeks: number, scope: MetricsScope): Floor => async (context) => {
  await settings(context.pool);
  const resolved = await resolveScope(context.pool, scope);
  await run(context.pool, weeklyMetricsSql(metricsWindow(metricsQuery(context, weeks, scope)), scopeCondition(resolved)));
};

/** GET /api/v1/metrics/changes. */
export const changesFloor = (weeks: number, scope: MetricsScope): Floor => async (context) => {
  await settings(context.pool);
  const resolved = await resolveScope(context.pool, scope);
  await run(context.pool, changeMetricsSql(metricsWindow(metricsQuery(context, weeks, scope)), changeScopeCondition(resolved)));
};

/** The trends of the last `weeks` and of the period before them, as the trend pages read them. */
function trendQueries(context: FloorContext, weeks: number) {
  const q = metricsQuery(context, weeks, {});
  const window = metricsWindow(q);
  const where = scopeCondition({});
  return {
    weekly: weeklyMetricsSql(window, where),
    summary: periodSummarySql(window, where),
    previousSummary: periodSummarySql(metricsWindow({ ...q, ...previousPeriod(q.from, q.to) }), where),
    topServices: topServicesSql(window, where, servicesInScope({}), 10),
    changes: changeMetricsSql(window, changeScopeCondition({})),
    aiIncidents: aiIncidentComparisonSql(window, where),
  };
}

/** /dashboard: the trends queries of the period and the one before, at once, as the page's cards run them. */
export const dashboardFloor = (weeks: number): Floor => async (context) => {
  await settings(context.pool);
  const { weekly, summary, previousSummary, topServices, changes } = trendQueries(context, weeks);
  await Promise.all([weekly, summary, previousSummary, topServices, changes].map((query) => run(context.pool, query)));
};

/** /executive: this period and the one before, the weekly series, change failure and AI incident comparison. */
export const executiveFloor = (weeks: number): Floor => async (context) => {
  await settings(context.pool);
  const { weekly, summary, previousSummary, changes, aiIncidents } = trendQueries(context, weeks);
  await Promise.all([summary, previousSummary, weekly, changes, aiIncidents].map((query) => run(context.pool, query)));
};

/**
 * The weekly review of `week` (its agenda API and its page): the stored review, the week's
 * figures, its incidents with their services and postmortems, the overdue action items, the
 * SEV1 postmortems still unpublished and the week's change figures.
 */
export const reviewFloor = (week: string): Floor => async (context) => {
  await settings(context.pool);
  const isoWeek = parseIsoWeek(week);
  const window = metricsWindow(metricsQuery(context, 1, {}, isoWeek));
  const start = isoWeekStartDate(isoWeek);
  const zone = context.timeZone;
  await context.pool.query("SELECT * FROM reviews WHERE iso_week = $1", [week]);
  await Promise.all([
    run(context.pool, weeklyMetricsSql(window, scopeCondition({}))),
    context.pool.query(
      `SELECT i.*, array_agg(s.slug) AS services, p.state FROM incidents i
       JOIN incident_services l ON l.incident_id = i.id JOIN services s ON s.id = l.service_id
       LEFT JOIN postmortems p ON p.incident_id = i.id
       WHERE i.started_at >= ($1::date)::timestamp AT TIME ZONE $2 AND i.started_at < ($1::date + 7)::timestamp AT TIME ZONE $2
       GROUP BY i.id, p.state ORDER BY i.started_at`,
      [start, zone],
    ),
    context.pool.query(
      `SELECT a.*, u.name, u.email, i.reference FROM action_items a JOIN users u ON u.id = a.owner_id JOIN incidents i ON i.id = a.incident_id
       WHERE a.status IN ('OPEN', 'IN_PROGRESS') AND a.due_date < $1::date ORDER BY a.due_date`,
      [start],
    ),
    context.pool.query(
      `SELECT i.reference, i.title, p.state FROM incidents i LEFT JOIN postmortems p ON p.incident_id = i.id
       WHERE i.severity = 'SEV1' AND i.started_at < ($1::date)::timestamp AT TIME ZONE $2 AND (p.state IS NULL OR p.state <> 'PUBLISHED')
       ORDER BY i.started_at`,
      [start, zone],
    ),
    run(context.pool, changeMetricsSql(window, changeScopeCondition({}))),
  ]);
};

/** GET /api/v1/incidents?<search>: the sparse probe, the page query, then the page's rows with services and postmortem state. */
export const incidentListFloor = (search: string): Floor => {
  const { params, errors } = parseIncidentListParams(new URLSearchParams(search), { strict: true });
  if (Object.keys(errors).length > 0) throw new Error(`bad incident list floor "${search}": ${JSON.stringify(errors)}`);
  return async (context) => {
    await settings(context.pool);
    const where = filterConditions(params.filters, context.timeZone);
    const sparse = where !== TRUE_CONDITION && (await run(context.pool, countQuery(where, SPARSE_MATCHES))).rows[0].n <= SPARSE_MATCHES;
    const after = decodeCursor(params.after, params.sort.column);
    const { rows } = await run(context.pool, pageQuery(where, params.sort, after, "forwards", params.pageSize + 1, sparse));
    await context.pool.query(
      `SELECT i.*, p.state, (SELECT json_agg(s) FROM incident_services l JOIN services s ON s.id = l.service_id WHERE l.incident_id = i.id) AS services
       FROM incidents i LEFT JOIN postmortems p ON p.incident_id = i.id WHERE i.id = ANY($1::uuid[])`,
      [rows.slice(0, params.pageSize).map((r: { id: string }) => r.id)],
    );
  };
};

/** POST /api/v1/incidents: in one transaction, a reference, the incident, its service and its audit event. */
export const ingestFloor = (serviceSlug: string): Floor => async (context) => {
  const client = await context.pool.connect();
  try {
    await client.query("BEGIN");
    const year = new Date().getUTCFullYear();
    const { rows } = await client.query<{ last_number: number }>(
      `INSERT INTO incident_reference_counters (year, last_number) VALUES ($1, 1)
       ON CONFLICT (year) DO UPDATE SET last_number = incident_reference_counters.last_number + 1 RETURNING last_number`,
      [year],
    );
    const reference = `INC-${year}-${String(rows[0]?.last_number).padStart(4, "0")}`;
    const { rows: created } = await client.query<{ id: string }>(
      `INSERT INTO incidents (id, reference, title, summary, severity, status, started_at, detected_at, mitigated_at, users_affected, blast_radius, updated_at)
       VALUES (gen_random_uuid(), $1, 'Floor incident ' || $1, 'Filed by the database floor of the ingest benchmark.', 'SEV2', 'MITIGATED',
         now() - interval '2 hours', now() - interval '110 minutes', now() - interval '1 hour', 120, 'SINGLE_SERVICE', now())
       RETURNING id`,
      [reference],
    );
    const id = created[0]?.id;
    await client.query("INSERT INTO incident_services (incident_id, service_id) SELECT $1, id FROM services WHERE slug = $2", [id, serviceSlug]);
    await client.query(
      `INSERT INTO audit_events (occurred_at, actor_label, method, action, entity_type, entity_id, changes)
       VALUES (now(), 'bench floor', 'API', 'incident.create', 'Incident', $1, $2)`,
      [id, JSON.stringify({ created: { reference } })],
    );
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  } finally {
    client.release();
  }
};

/** The framework floor's own floor: the health check's one query. */
export const healthFloor: Floor = ({ pool }) => pool.query("SELECT 1");
