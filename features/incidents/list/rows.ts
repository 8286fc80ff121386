// The incidents of a page with their services and postmortem state, read in one statement:
// Prisma's include would read the incidents, their links, the services and the teams in turn.
import { startedPostmortemStateSql } from "@/lib/domain/postmortem-progress";
import { Prisma } from "@/lib/generated/prisma/client";
import type { IncidentRecord } from "../reads";
import { hasRepeatSql } from "../repeats/sql";

const { sql } = Prisma;
type Sql = Prisma.Sql;

export type PostmortemState = "DRAFT" | "IN_REVIEW" | "PUBLISHED";
export type IncidentPageRow = IncidentRecord & { postmortemState: PostmortemState | null; repeat: boolean };

/** Every column the response needs, named as Prisma names them, from `incidents i`. */
const INCIDENT_COLUMNS = sql`i.id::text AS id, i.reference, i.title, i.summary, i.severity::text AS severity, i.status::text AS status,
  i.started_at AS "startedAt", i.detected_at AS "detectedAt", i.mitigated_at AS "mitigatedAt", i.resolved_at AS "resolvedAt",
  i.users_affected AS "usersAffected", i.failed_transactions AS "failedTransactions", i.regions, i.capabilities,
  i.blast_radius::text AS "blastRadius", i.root_cause_category::text AS "rootCauseCategory", i.root_cause_description AS "rootCauseDescription",
  i.change_reference AS "changeReference", i.change_author_level::text AS "changeAuthorLevel", i.change_approval::text AS "changeApproval",
  i.ai_involvement::text AS "aiInvolvement", i.ai_tool AS "aiTool", i.ai_description AS "aiDescription",
  i.policy_violation AS "policyViolation", i.version, i.created_at AS "createdAt", i.updated_at AS "updatedAt",
  i.source_system AS "sourceSystem", i.source_id AS "sourceId", i.source_url AS "sourceUrl", i.person_edited_fields AS "personEditedFields"`;

// In the order the links were written, as Prisma's include returns them.
const SERVICES = sql`COALESCE((SELECT json_agg(json_build_object('service', json_build_object('slug', s.slug, 'name', s.name,
    'team', json_build_object('slug', t.slug, 'name', t.name))) ORDER BY x.ctid)
  FROM incident_services x JOIN services s ON s.id = x.service_id JOIN teams t ON t.id = s.team_id
  WHERE x.incident_id = i.id), '[]'::json) AS services`;

/**
 * The rows of `positions` (a query of incident ids in page order, e.g. the keyset page query),
 * in that order, each with its services, its postmortem's state (NULL until something is written)
 * and whether it has a repeat (one EXISTS per row of the page).
 */
export const pageRowsQuery = (positions: Sql): Sql => sql`
  SELECT ${INCIDENT_COLUMNS}, ${SERVICES}, (SELECT ${startedPostmortemStateSql("p")} FROM postmortems p WHERE p.incident_id = i.id) AS "postmortemState",
    ${hasRepeatSql("i")} AS repeat
  FROM (SELECT page.id, row_number() OVER () AS place FROM (${positions}) AS page) AS page
  JOIN incidents i ON i.id = page.id
  ORDER BY page.place`;

/** One incident by id or by reference, with its services. */
export const incidentRowQuery = (where: Sql): Sql => sql`SELECT ${INCIDENT_COLUMNS}, ${SERVICES} FROM incidents i WHERE ${where}`;
