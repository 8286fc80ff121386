// The database floor of each benchmarked endpoint: the SQL its handler runs, through a plain
// pg Pool at the same concurrency, with no app in between. Each floor is a small function
// built from the SQL builders the app exports, so that it follows them when they change;
// the trends' floors are the statements of a warm read of the week cells (the closed weeks
// kept, the running week live).
import type pg from "pg";
import { changeMetricsSql } from "../features/changes/metrics-sql";
import { pageQuery, SPARSE_MATCHES } from "../features/incidents/list/keyset";
import { parseIncidentListParams } from "../features/incidents/list/params";
import { decodeCursor } from "../features/incidents/list/sort";
import { countQuery, filterConditions, TRUE_CONDITION } from "../features/incidents/list/sql";
import { warmReadStatements } from "../features/metrics/cells/statements";
import { previousPeriod } from "../features/metrics/params";
import { changeScopeCondition, type ResolvedScope } from "../features/metrics/scope";
import { metricsWindow } from "../features/metrics/sql";
import type { MetricsQuery, MetricsScope } from "../features/metrics/types";
import { AGENDA_LIST_LIMIT } from "../features/reviews/agenda";
import { overdueActionItemsSql, pendingCutoff, pendingPostmortemsSql } from "../features/reviews/reads/backlog-facts";
import { weekIncidentsSql } from "../features/reviews/reads/week-incidents";
import { addWeeks, isoWeekStartInstant, parseIsoWeek, type IsoWeek } from "../lib/time/iso-week";

export type Query = { text: string; values: unknown[] };
export type FloorContext = { pool: pg.Pool; timeZone: string; currentWeek: IsoWeek };
/** One request's worth of database work. */
export type Floor = (context: FloorContext) => Promise<unknown>;

const run = (pool: pg.Pool, query: Query) => pool.query(query.text, query.values);
const settings = (pool: pg.Pool) => pool.query("SELECT * FROM organisation_settings WHERE id = 1");

/** The scope lookup every metrics handler does first, then the ids it stands for. */
async function resolveScope(pool: pg.Pool, scope: MetricsScope): Promise<ResolvedScope> {
  if (scope.team) {
    const { rows } = await pool.query<{ id: string; team_id: string }>(
      "SELECT s.id, t.id AS team_id FROM teams t JOIN services s ON s.team_id = t.id WHERE t.slug = $1",
      [scope.team],
    );
    return { teamId: rows[0]?.team_id, teamServiceIds: rows.map((r) => r.id) };
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
  now: new Date(),
});

/** The statements of a warm read of the week cells, one after the other as the app runs them. */
async function runInTurn(pool: pg.Pool, queries: Query[]) {
  for (const query of queries) await run(pool, query);
}

/** GET /api/v1/metrics/weekly: which weeks are kept (with their cells), then the running week live. */
export const weeklyFloor =
  (weeks: number, scope: MetricsScope): Floor =>
  async (context) => {
    await settings(context.pool);
    const resolved = await resolveScope(context.pool, scope);
    await runInTurn(context.pool, warmReadStatements(metricsWindow(metricsQuery(context, weeks, scope)), resolved, "weeks"));
  };

/** GET /api/v1/metrics/changes. */
export const changesFloor =
  (weeks: number, scope: MetricsScope): Floor =>
  async (context) => {
    await settings(context.pool);
    const resolved = await resolveScope(context.pool, scope);
    await run(context.pool, changeMetricsSql(metricsWindow(metricsQuery(context, weeks, scope)), changeScopeCondition(resolved)));
  };

/** The reads of the trend pages' cards over the last `weeks` and the period before them, each card's statements in turn, the cards at once. */
function trendReads(context: FloorContext, weeks: number) {
  const q = metricsQuery(context, weeks, {});
  const window = metricsWindow(q);
  return {
    weekly: warmReadStatements(window, {}, "weeks"),
    summary: warmReadStatements(window, {}, "period"),
    previousSummary: warmReadStatements(metricsWindow({ ...q, ...previousPeriod(q.from, q.to) }), {}, "period"),
    topServices: warmReadStatements(window, {}, "services"),
    changes: [changeMetricsSql(window, changeScopeCondition({}))],
  };
}

/** /dashboard: the period and the one before, the weekly series, top services and change figures, at once, as the page's cards run them. */
export const dashboardFloor =
  (weeks: number): Floor =>
  async (context) => {
    await settings(context.pool);
    const { weekly, summary, previousSummary, topServices, changes } = trendReads(context, weeks);
    await Promise.all([weekly, summary, previousSummary, topServices, changes].map((queries) => runInTurn(context.pool, queries)));
  };

/** /executive: this period and the one before (the AI comparison reads the same period), the weekly series and change failure. */
export const executiveFloor =
  (weeks: number): Floor =>
  async (context) => {
    await settings(context.pool);
    const { weekly, summary, previousSummary, changes } = trendReads(context, weeks);
    await Promise.all([summary, previousSummary, weekly, changes].map((queries) => runInTurn(context.pool, queries)));
  };

/**
 * The weekly review of `week` (its agenda API and its page): the stored review, then at once
 * the weeks' figures, the week's incidents (counts and the rows shown), the overdue action
 * items, the SEV1 postmortems still unpublished and the week's change figures, with the
 * builders the agenda uses.
 */
export const reviewFloor =
  (week: string): Floor =>
  async (context) => {
    await settings(context.pool);
    const isoWeek = parseIsoWeek(week);
    const window = metricsWindow(metricsQuery(context, 5, {}, isoWeek));
    const start = isoWeekStartInstant(isoWeek, context.timeZone);
    const end = isoWeekStartInstant(addWeeks(isoWeek, 1), context.timeZone);
    const today = new Date().toISOString().slice(0, 10);
    await context.pool.query("SELECT * FROM reviews WHERE iso_week = $1", [week]);
    await Promise.all([
      runInTurn(context.pool, warmReadStatements(window, {}, "weeks")),
      run(context.pool, weekIncidentsSql(start, end, new Date(), AGENDA_LIST_LIMIT)),
      run(context.pool, overdueActionItemsSql(today, AGENDA_LIST_LIMIT)),
      run(context.pool, pendingPostmortemsSql(pendingCutoff(start, today, context.timeZone), AGENDA_LIST_LIMIT)),
      run(context.pool, changeMetricsSql(metricsWindow(metricsQuery(context, 1, {}, isoWeek)), changeScopeCondition({}))),
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
export const ingestFloor =
  (serviceSlug: string): Floor =>
  async (context) => {
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
