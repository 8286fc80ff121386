// The words people read for each incident field: form labels, history rows and the conflict panel.
import {
  AI_INVOLVEMENT_LABELS,
  AUTHOR_LEVEL_LABELS,
  BLAST_RADIUS_LABELS,
  CHANGE_APPROVAL_LABELS,
  INCIDENT_STATUS_LABELS,
  ROOT_CAUSE_CATEGORY_LABELS,
  SEVERITY_LABELS,
} from "@/lib/domain/incident-enums";

/** The fields of the incident form, in the order it shows them, with their labels. */
export const INCIDENT_FORM_LABELS = {
  title: "Title",
  severity: "Severity",
  status: "Status",
  services: "Affected services",
  summary: "Summary",
  startedAt: "Impact started",
  detectedAt: "Detected",
  mitigatedAt: "Mitigated",
  resolvedAt: "Resolved",
  "impact.usersAffected": "Users affected",
  "impact.failedTransactions": "Failed transactions",
  "impact.regions": "Regions",
  "impact.capabilities": "Capabilities",
  blastRadius: "Blast radius",
  "rootCause.category": "Root-cause category",
  "rootCause.description": "Root-cause description",
  "change.reference": "Change reference",
  "change.authorLevel": "Author level",
  "change.approval": "Highest sign-off",
  "ai.involvement": "AI involvement",
  "ai.tool": "AI tool",
  "ai.description": "What the AI tool did",
} as const;

export type IncidentFormField = keyof typeof INCIDENT_FORM_LABELS;
export const INCIDENT_FORM_FIELDS = Object.keys(INCIDENT_FORM_LABELS) as IncidentFormField[];

const OTHER_LABELS: Record<string, string> = {
  policyViolation: "Policy violation",
  version: "Version",
  notRepeatOf: "Not a repeat of",
  notRepeatReason: "Why not a repeat",
};

export function incidentFieldLabel(field: string): string {
  return (INCIDENT_FORM_LABELS as Record<string, string>)[field] ?? OTHER_LABELS[field] ?? field;
}

export const INSTANT_FIELDS: ReadonlySet<string> = new Set(["startedAt", "detectedAt", "mitigatedAt", "resolvedAt"]);
/** The fields holding one of the domain's enum values, each with its enum's labels. */
export const ENUM_FIELD_LABELS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  severity: SEVERITY_LABELS,
  status: INCIDENT_STATUS_LABELS,
  blastRadius: BLAST_RADIUS_LABELS,
  "rootCause.category": ROOT_CAUSE_CATEGORY_LABELS,
  "change.authorLevel": AUTHOR_LEVEL_LABELS,
  "change.approval": CHANGE_APPROVAL_LABELS,
  "ai.involvement": AI_INVOLVEMENT_LABELS,
};

/** An enum field's value in words ("Single service"); any other value as it is. */
export function enumFieldLabel(field: string, value: string): string {
  const labels = Object.hasOwn(ENUM_FIELD_LABELS, field) ? ENUM_FIELD_LABELS[field] : undefined;
  return labels && Object.hasOwn(labels, value) ? labels[value]! : value;
}

/** How an audited change reached the app, in words: "via the API". */
export const ACTOR_METHOD_LABELS: Record<"UI" | "API" | "CLI" | "SYSTEM", string> = {
  UI: "in the app",
  API: "through the API",
  CLI: "from the command line",
  SYSTEM: "(automatic)",
};
