// How a generated incident maps onto the columns of `incidents`, `incident_services` and `audit_events`.
import { fieldColumns, type Column } from "./sql";
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
  ...fieldColumns((r: IncidentRow) => r, "id uuid\nreference text"),
  ...fieldColumns(
    (r: IncidentRow) => r.incident,
    `
    title                   text
    summary                 text
    severity                "Severity"
    status                  "IncidentStatus"
    started_at              timestamptz
    detected_at             timestamptz
    mitigated_at            timestamptz
    resolved_at             timestamptz
    users_affected          int
    failed_transactions     int
    regions                 text[]
    capabilities            text[]
    blast_radius            "BlastRadius"
    root_cause_category     "RootCauseCategory"
    root_cause_description  text
    change_reference        text
    change_author_level     "AuthorLevel"
    change_approval         "ChangeApproval"
    ai_involvement          "AiInvolvement"
    ai_tool                 text
    ai_description          text
    policy_violation        boolean`,
  ),
  ...fieldColumns((r: IncidentRow) => r, "created_by_id uuid\ncreated_at timestamptz\nupdated_at timestamptz"),
];

export type ServiceLink = { incidentId: string; serviceId: string };

export const LINK_COLUMNS: readonly Column<ServiceLink>[] = fieldColumns((l: ServiceLink) => l, "incident_id uuid\nservice_id uuid");

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
