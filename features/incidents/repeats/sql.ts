// What makes an earlier incident a repeat of a later one (the learning loop's rule), as SQL that
// every reader shares: the incident page and API, the list's badge and filter, the review's deep
// dives and the repeats-per-week figure all ask this one condition.
import { Prisma } from "@/lib/generated/prisma/client";

const { sql, raw } = Prisma;
type Sql = Prisma.Sql;

/** How far back an earlier incident may have started and still be a repeat: 90 days of 24 hours. */
export const REPEAT_WINDOW_DAYS = 90;
const WINDOW = raw(`interval '${REPEAT_WINDOW_DAYS * 24} hours'`);

/**
 * True when the incident aliased `earlier` is a repeat of the one aliased `later`: it started
 * before it, at most 90 days before, has the same root-cause category (never UNKNOWN), shares
 * at least one service with it, and no LEAD marked the pair as not a repeat.
 */
export function isRepeatOfSql(earlier: string, later: string): Sql {
  const [e, i] = [raw(earlier), raw(later)];
  return sql`${e}.started_at < ${i}.started_at
    AND ${e}.started_at >= ${i}.started_at - ${WINDOW}
    AND ${e}.root_cause_category = ${i}.root_cause_category
    AND ${i}.root_cause_category <> 'UNKNOWN'
    AND EXISTS (SELECT 1 FROM incident_services ls JOIN incident_services es ON es.service_id = ls.service_id
      WHERE ls.incident_id = ${i}.id AND es.incident_id = ${e}.id)
    AND NOT EXISTS (SELECT 1 FROM not_repeat_marks m WHERE m.incident_id = ${i}.id AND m.earlier_incident_id = ${e}.id)`;
}

/**
 * True when the incident aliased `later` has at least one repeat (the list's badge and filter, the
 * weekly count). Wrapped in a scalar subquery on purpose: a bare EXISTS in a WHERE is pulled up
 * into a semi-join that pairs every incident with every other of its root-cause category (minutes
 * at 100 000 incidents); as a subquery it is asked row by row through the category index.
 */
export function hasRepeatSql(later: string): Sql {
  return sql`(SELECT EXISTS (SELECT 1 FROM incidents rep WHERE ${isRepeatOfSql("rep", later)}))`;
}
