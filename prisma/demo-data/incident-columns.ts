// How a generated incident maps onto the columns of `incidents`, `incident_services` and `audit_events`.
import { arrayLiteral, type Column } from "./sql";
import type { DemoIncident } from "./types";

/** An incident ready to write: its database id, final reference and bookkeeping times. */
export type IncidentRow = {
  id: string;
  reference: string;
  incident: DemoIncident;
  createdAt: Date;
  updatedAt: Date;
  createdById?: string;
};

export const INCIDENT_COLUMNS: readonly Column<IncidentRow>[] = [
  { name: "id", type: "uuid", value: (r) => r.id },
  { name: "reference", type: "text", value: (r) => r.reference },
  { name: "title", type: "text", value: (r) => r.incident.title },
  { name: "summary", type: "text", value: (r) => r.incident.summary },
  { name: "severity", type: `"Severity"`, value: (r) => r.incident.severity },
  { name: "status", type: `"IncidentStatus"`, value: (r) => r.incident.status },
  { name: "started_at", type: "timestamptz", value: (r) => r.incident.startedAt },
  { name: "detected_at", type: "timestamptz", value: (r) => r.incident.detectedAt },
  { name: "mitigated_at", type: "timestamptz", value: (r) => r.incident.mitigatedAt },
  { name: "resolved_at", type: "timestamptz", value: (r) => r.incident.resolvedAt },
  { name: "users_affected", type: "int", value: (r) => r.incident.usersAffected },
  { name: "failed_transactions", type: "int", value: (r) => r.incident.failedTransactions },
  { name: "regions", type: "text[]", value: (r) => arrayLiteral(r.incident.regions) },
  { name: "capabilities", type: "text[]", value: (r) => arrayLiteral(r.incident.capabilities) },
  { name: "blast_radius", type: `"BlastRadius"`, value: (r) => r.incident.blastRadius },
  { name: "root_cause_category", type: `"RootCauseCategory"`, value: (r) => r.incident.rootCauseCategory },
  { name: "root_cause_description", type: "text", value: (r) => r.incident.rootCauseDescription },
  { name: "change_reference", type: "text", value: (r) => r.incident.changeReference },
  { name: "change_author_level", type: `"AuthorLevel"`, value: (r) => r.incident.changeAuthorLevel },
  { name: "change_approval", type: `"ChangeApproval"`, value: (r) => r.incident.changeApproval },
  { name: "ai_involvement", type: `"AiInvolvement"`, value: (r) => r.incident.aiInvolvement },
  { name: "ai_tool", type: "text", value: (r) => r.incident.aiTool },
  { name: "ai_description", type: "text", value: (r) => r.incident.aiDescription },
  { name: "policy_violation", type: "boolean", value: (r) => r.incident.policyViolation },
  { name: "created_by_id", type: "uuid", value: (r) => r.createdById },
  { name: "created_at", type: "timestamptz", value: (r) => r.createdAt },
  { name: "updated_at", type: "timestamptz", value: (r) => r.updatedAt },
];

export type ServiceLink = { incidentId: string; serviceId: string };

export const LINK_COLUMNS: readonly Column<ServiceLink>[] = [
  { name: "incident_id", type: "uuid", value: (l) => l.incidentId },
  { name: "service_id", type: "uuid", value: (l) => l.serviceId },
];

/** One "incident.create" event per incident, as the app records on filing, by the system. */
export const AUDIT_COLUMNS: readonly Column<IncidentRow>[] = [
  { name: "occurred_at", type: "timestamptz", value: (r) => r.createdAt },
  { name: "actor_label", type: "text", value: () => "demo data" },
  { name: "method", type: `"ActorMethod"`, value: () => "SYSTEM" },
  { name: "action", type: "text", value: () => "incident.create" },
  { name: "entity_type", type: "text", value: () => "Incident" },
  { name: "entity_id", type: "text", value: (r) => r.id },
  {
    name: "changes",
    type: "jsonb",
    value: (r) => JSON.stringify({ created: { reference: r.reference, title: r.incident.title, severity: r.incident.severity, status: r.incident.status } }),
  },
];
