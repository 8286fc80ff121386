// The review week's incidents in one round trip: the counts every item titles itself with, and
// only the incidents the agenda shows (every SEV1, the SEV2s with most impact, the first
// AI-involved ones in the review's order), each with its services, postmortem state and the
// first events of its timeline. A week of thousands of SEV2s never leaves the database whole.
import { startedPostmortemStateSql } from "@/lib/domain/postmortem-progress";
import type { Database } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { AgendaIncident, WeekIncidentCounts } from "../agenda-types";

/** The first timeline events a deep dive shows. */
export const TIMELINE_EVENTS_SHOWN = 6;

export type WeekIncidentRow = {
  id: string;
  reference: string;
  title: string;
  severity: AgendaIncident["severity"];
  status: string;
  started_at: Date;
  mitigated_at: Date | null;
  users_affected: number;
  blast_radius: string;
  services: string[];
  root_cause_category: string;
  root_cause_description: string;
  change_reference: string | null;
  change_author_level: AgendaIncident["changeAuthorLevel"];
  change_approval: AgendaIncident["changeApproval"];
  ai_involvement: AgendaIncident["aiInvolvement"];
  ai_tool: string | null;
  ai_description: string | null;
  policy_violation: boolean;
  postmortem_state: AgendaIncident["postmortemState"];
  timeline: { at: string; kind: string; text: string }[];
  version: number;
} & { [K in keyof WeekIncidentCounts as `count_${K}`]: number };

/** The SQL of the week's shown incidents and counts; its own function so a test can EXPLAIN it. */
export function weekIncidentsSql(start: Date, end: Date, now: Date, limit: number): Prisma.Sql {
  return Prisma.sql`
    WITH week AS MATERIALIZED (
      SELECT id, reference, severity, ai_involvement, policy_violation, started_at,
             greatest(0, floor(extract(epoch FROM coalesce(mitigated_at, ${now}::timestamptz) - started_at) / 60)) AS impact
      FROM incidents WHERE started_at >= ${start}::timestamptz AND started_at < ${end}::timestamptz),
    shown AS (
      (SELECT id FROM week WHERE severity = 'SEV1' ORDER BY impact DESC, started_at, reference LIMIT ${limit})
      UNION (SELECT id FROM week WHERE severity = 'SEV2' ORDER BY impact DESC, started_at, reference LIMIT ${limit})
      UNION (SELECT id FROM week WHERE ai_involvement <> 'NONE' ORDER BY policy_violation DESC, impact DESC, started_at, reference LIMIT ${limit}))
    SELECT i.id, i.reference, i.title, i.severity::text, i.status::text, i.started_at, i.mitigated_at, i.users_affected,
           i.blast_radius::text, i.root_cause_category::text, i.root_cause_description, i.change_reference,
           i.change_author_level::text, i.change_approval::text, i.ai_involvement::text, i.ai_tool, i.ai_description,
           i.policy_violation, i.version, ${startedPostmortemStateSql("p")} AS postmortem_state,
           ARRAY(SELECT s.slug FROM incident_services x JOIN services s ON s.id = x.service_id WHERE x.incident_id = i.id ORDER BY s.slug) AS services,
           coalesce((SELECT json_agg(json_build_object('at', e.occurred_at, 'kind', e.kind, 'text', e.text) ORDER BY e.position)
                     FROM (SELECT * FROM timeline_events t WHERE t.postmortem_id = p.id ORDER BY t.position LIMIT ${TIMELINE_EVENTS_SHOWN}) e), '[]') AS timeline,
           c.sev1 AS count_sev1, c.sev2 AS count_sev2, c.ai_involved AS "count_aiInvolved", c.ai_violations AS "count_aiPolicyViolations"
    FROM shown
    JOIN incidents i ON i.id = shown.id
    LEFT JOIN postmortems p ON p.incident_id = i.id
    CROSS JOIN (SELECT count(*) FILTER (WHERE severity = 'SEV1')::int AS sev1, count(*) FILTER (WHERE severity = 'SEV2')::int AS sev2,
                       count(*) FILTER (WHERE ai_involvement <> 'NONE')::int AS ai_involved,
                       count(*) FILTER (WHERE ai_involvement <> 'NONE' AND policy_violation)::int AS ai_violations FROM week) c
    ORDER BY i.started_at, i.reference`;
}

/** The week's counts and shown incidents; an empty week has no rows and counts nothing. */
export async function loadWeekIncidents(db: Database, start: Date, end: Date, now: Date, limit: number) {
  const rows = await db.$queryRaw<WeekIncidentRow[]>(weekIncidentsSql(start, end, now, limit));
  const first = rows[0];
  const counts: WeekIncidentCounts = first
    ? { sev1: first.count_sev1, sev2: first.count_sev2, aiInvolved: first.count_aiInvolved, aiPolicyViolations: first.count_aiPolicyViolations }
    : { sev1: 0, sev2: 0, aiInvolved: 0, aiPolicyViolations: 0 };
  return { counts, rows };
}
