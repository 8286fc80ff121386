import type { Database } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { RootCauseCategory, Severity } from "@/lib/generated/prisma/enums";
import { isRepeatOfSql } from "./sql";

const { sql } = Prisma;

type Reader = Pick<Database, "$queryRaw">;

/** An earlier incident that the rule makes a repeat of this one, with what was promised after it. */
export type RepeatRow = {
  id: string;
  reference: string;
  title: string;
  severity: Severity;
  rootCauseCategory: RootCauseCategory;
  startedAt: Date;
  /** The services the two incidents share, by name. */
  sharedServices: string[];
  /** The earlier incident's action items, and how many of them were completed before this incident started. */
  actionItems: { total: number; doneBeforeRepeat: number };
};

/** The API's shape: `repeats: [{ reference, startedAt, actionItems: { total, doneBeforeRepeat } }]`. */
export type RepeatResponse = { reference: string; startedAt: string; actionItems: { total: number; doneBeforeRepeat: number } };

export const toRepeatResponse = (row: RepeatRow): RepeatResponse => ({
  reference: row.reference,
  startedAt: row.startedAt.toISOString(),
  actionItems: { total: row.actionItems.total, doneBeforeRepeat: row.actionItems.doneBeforeRepeat },
});

/**
 * The repeats of each incident in `incidentIds`, newest first: the earlier incidents that
 * started at most 90 days before it, share a service and have the same root-cause category,
 * unless a LEAD marked the pair as not a repeat. doneBeforeRepeat counts the earlier incident's
 * action items completed (DONE) before the later incident started.
 */
export async function findRepeatsOf(db: Reader, incidentIds: string[]): Promise<Map<string, RepeatRow[]>> {
  const byIncident = new Map<string, RepeatRow[]>(incidentIds.map((id) => [id, []]));
  if (incidentIds.length === 0) return byIncident;
  const rows = await db.$queryRaw<(RepeatRow & { laterId: string; total: number; done: number })[]>(sql`
    SELECT i.id::text AS "laterId", e.id::text AS id, e.reference, e.title, e.severity::text AS severity,
      e.root_cause_category::text AS "rootCauseCategory", e.started_at AS "startedAt",
      ARRAY(SELECT s.name FROM incident_services ls JOIN incident_services es ON es.service_id = ls.service_id
        JOIN services s ON s.id = ls.service_id WHERE ls.incident_id = i.id AND es.incident_id = e.id ORDER BY s.name) AS "sharedServices",
      (SELECT count(*)::int FROM action_items a WHERE a.incident_id = e.id) AS total,
      (SELECT count(*)::int FROM action_items a WHERE a.incident_id = e.id AND a.status = 'DONE' AND a.completed_at < i.started_at) AS done
    FROM incidents i
    JOIN incidents e ON ${isRepeatOfSql("e", "i")}
    WHERE i.id = ANY(${incidentIds}::uuid[])
    ORDER BY e.started_at DESC, e.reference DESC`);
  for (const { laterId, total, done, ...row } of rows) byIncident.get(laterId)?.push({ ...row, actionItems: { total, doneBeforeRepeat: done } });
  return byIncident;
}

/** The repeats of one incident, newest first. */
export async function findRepeats(db: Reader, incidentId: string): Promise<RepeatRow[]> {
  return (await findRepeatsOf(db, [incidentId])).get(incidentId) ?? [];
}

/** A pair a LEAD marked as not a repeat: shown on the incident page, so the judgement stays visible. */
export type NotRepeatMarkRow = { earlierIncidentId: string; reference: string; title: string; reason: string; markedBy: string | null; markedAt: Date };

export function findNotRepeatMarks(db: Reader, incidentId: string): Promise<NotRepeatMarkRow[]> {
  return db.$queryRaw<NotRepeatMarkRow[]>(sql`
    SELECT e.id::text AS "earlierIncidentId", e.reference, e.title, m.reason, u.email AS "markedBy", m.marked_at AS "markedAt"
    FROM not_repeat_marks m JOIN incidents e ON e.id = m.earlier_incident_id LEFT JOIN users u ON u.id = m.marked_by_id
    WHERE m.incident_id = ${incidentId}::uuid ORDER BY e.started_at DESC`);
}

/** One incident as the API returns it: with its repeats (`repeats`), newest first. */
export async function withRepeats<T extends { id: string }>(db: Reader, incident: T): Promise<T & { repeats: RepeatResponse[] }> {
  return { ...incident, repeats: (await findRepeats(db, incident.id)).map(toRepeatResponse) };
}
