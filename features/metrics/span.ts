// The figures of any span of instants, e.g. Monday 00:00 to Wednesday 14:00 of an earlier week:
// what a running week or period is held against, the same elapsed part of the one before.
// Read from the incidents themselves (a span is at most a week or so, on the start index).
import type { Database } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { scopeConditionPerIncident, type ResolvedScope } from "./scope";
import { coveredMinutes, elapsedMinutes, impactCandidatesBetween, impactInterval, incidentCountsOf, incidentFigures, type IncidentFiguresRow } from "./sql";

const { sql } = Prisma;

/** The counts and impact of a span; only the figures that add up across spans. */
export type SpanFigures = {
  incidents: number;
  sev1: number;
  sev2: number;
  aiInvolved: number;
  policyViolations: number;
  usersAffected: number;
  impactMinutes: number;
  /** Minutes of the span that have passed by `now`. */
  minutes: number;
};

type SpanRow = IncidentFiguresRow & { minutes: number; impact_minutes: number };

export async function querySpanFigures(db: Database, span: { start: Date; end: Date; scope: ResolvedScope; now: Date }): Promise<SpanFigures> {
  const [start, end] = [sql`${span.start}::timestamptz`, sql`${span.end}::timestamptz`];
  const scope = scopeConditionPerIncident(span.scope);
  const [row] = await db.$queryRaw<SpanRow[]>(sql`
    SELECT ${elapsedMinutes(start, end, span.now)} AS minutes,
      ${coveredMinutes(sql`(SELECT range_agg(${impactInterval(span.now)}) * tstzmultirange(tstzrange(${start}, ${end})) FROM (${impactCandidatesBetween(start, end, scope)}) AS i)`)} AS impact_minutes,
      f.*
    FROM (SELECT ${incidentFigures} FROM incidents i WHERE i.started_at >= ${start} AND i.started_at < ${end} AND ${scope}) AS f`);
  if (!row) throw new Error("The span figures query returned no row");
  return { ...incidentCountsOf(row), impactMinutes: row.impact_minutes, minutes: row.minutes };
}
