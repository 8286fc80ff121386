// The SQL of the incident list's filters: one WHERE clause on `incidents i`, and the count of
// what it matches. Values are always bound parameters, never spliced in.
import { Prisma } from "@/lib/generated/prisma/client";
import { addDays } from "@/lib/time/iso-week";
import { wallTimeToInstant } from "@/lib/time/zoned";
import type { IncidentListFilters } from "./params";
import { hasRepeatSql } from "../repeats/sql";

const { sql, join, raw } = Prisma;
type Sql = Prisma.Sql;

/** Full-text search configuration; must match the generated column's (see the migration). */
const TEXT_SEARCH_CONFIG = "english";

/** [from, to) as instants: a date-only bound is a whole day in the organisation's time zone. */
export function startedWindow(filters: Pick<IncidentListFilters, "from" | "to">, timeZone: string): { from?: Date; toExclusive?: Date } {
  const dayStart = (date: string) => wallTimeToInstant(`${date}T00:00`, timeZone) ?? new Date(`${date}T00:00:00Z`);
  const isDate = (v: string) => v.length === 10;
  return {
    from: filters.from ? (isDate(filters.from) ? dayStart(filters.from) : new Date(filters.from)) : undefined,
    // Instants are stored to the millisecond: "up to and including" is "before the next one".
    toExclusive: filters.to ? (isDate(filters.to) ? dayStart(addDays(filters.to, 1)) : new Date(Date.parse(filters.to) + 1)) : undefined,
  };
}

/** Whether the filters hold a date-only bound, the one thing the organisation's time zone changes. */
export const needsTimeZone = (filters: Pick<IncidentListFilters, "from" | "to">): boolean => filters.from?.length === 10 || filters.to?.length === 10;

const inList = (column: Sql, values: readonly string[], type: string) => sql`${column} IN (${join(values.map((v) => sql`CAST(${v} AS ${raw(type)})`))})`;

/** What filterConditions returns when there are no filters (the same object, so callers can tell). */
export const TRUE_CONDITION: Sql = sql`TRUE`;

/** The conditions the filters put on `incidents i`, joined with AND (TRUE when there are none). */
export function filterConditions(filters: IncidentListFilters, timeZone: string): Sql {
  const conditions: Sql[] = [];
  if (filters.q) {
    // websearch syntax: words, "quoted phrases", OR, -excluded. A reference typed whole finds its incident too.
    // COALESCE: the expression incidents_search_filters_idx holds, with the other filters' columns.
    conditions.push(
      sql`(COALESCE(i.search_vector, ''::tsvector) @@ websearch_to_tsquery(${TEXT_SEARCH_CONFIG}::regconfig, ${filters.q}) OR i.reference = ${filters.q.toUpperCase()})`,
    );
  }
  if (filters.severity.length) conditions.push(inList(sql`i.severity`, filters.severity, `"Severity"`));
  if (filters.status.length) conditions.push(inList(sql`i.status`, filters.status, `"IncidentStatus"`));
  if (filters.ai.length) conditions.push(inList(sql`i.ai_involvement`, filters.ai, `"AiInvolvement"`));
  if (filters.rootCause.length) conditions.push(inList(sql`i.root_cause_category`, filters.rootCause, `"RootCauseCategory"`));
  if (filters.policyViolation !== undefined) conditions.push(sql`i.policy_violation = ${filters.policyViolation}`);
  // As a scalar subquery: a bare EXISTS is turned into a hash semi-join on the root-cause
  // category, which pairs every incident with every other of its category (minutes at 100 000
  // incidents); this way it is judged row by row through the index, as the page reads them.
  if (filters.repeat) conditions.push(hasRepeatSql("i"));
  if (filters.source) conditions.push(sql`i.source_system = ${filters.source.system} AND i.source_id = ${filters.source.id}`);
  if (filters.service.length) {
    conditions.push(sql`EXISTS (SELECT 1 FROM incident_services x JOIN services s ON s.id = x.service_id
      WHERE x.incident_id = i.id AND ${inList(sql`s.slug`, filters.service, "text")})`);
  }
  if (filters.team.length) {
    conditions.push(sql`EXISTS (SELECT 1 FROM incident_services x JOIN services s ON s.id = x.service_id JOIN teams t ON t.id = s.team_id
      WHERE x.incident_id = i.id AND ${inList(sql`t.slug`, filters.team, "text")})`);
  }
  if (filters.postmortem.length) {
    const states = filters.postmortem.filter((state) => state !== "NONE");
    const either: Sql[] = [];
    if (states.length)
      either.push(sql`EXISTS (SELECT 1 FROM postmortems p WHERE p.incident_id = i.id AND ${inList(sql`p.state`, states, `"PostmortemState"`)})`);
    if (filters.postmortem.includes("NONE")) either.push(sql`NOT EXISTS (SELECT 1 FROM postmortems p WHERE p.incident_id = i.id)`);
    conditions.push(sql`(${join(either, " OR ")})`);
  }
  const window = startedWindow(filters, timeZone);
  if (window.from) conditions.push(sql`i.started_at >= ${window.from}::timestamptz`);
  if (window.toExclusive) conditions.push(sql`i.started_at < ${window.toExclusive}::timestamptz`);
  return conditions.length ? join(conditions, " AND ") : TRUE_CONDITION;
}

/**
 * How many rows match, counting no further than `cap` + 1: an exact count of a broad view
 * would read most of the table on every page view (200 ms for a common word at 100 000
 * incidents), and "10,000+" says all a reader needs.
 */
export const countQuery = (where: Sql, cap: number): Sql =>
  sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM incidents i WHERE ${where} LIMIT ${cap + 1}) AS matching`;

/** The ids of up to `limit` rows that match, as one array (null when none do). */
export const matchingIdsQuery = (where: Sql, limit: number): Sql =>
  sql`SELECT array_agg(id)::text[] AS ids FROM (SELECT i.id FROM incidents i WHERE ${where} LIMIT ${limit}) AS matching`;
