// The words people read for each incident field: form labels, history rows and the conflict panel.

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

const OTHER_LABELS: Record<string, string> = { policyViolation: "Policy violation", version: "Version" };

export function incidentFieldLabel(field: string): string {
  return (INCIDENT_FORM_LABELS as Record<string, string>)[field] ?? OTHER_LABELS[field] ?? field;
}

export const INSTANT_FIELDS: ReadonlySet<string> = new Set(["startedAt", "detectedAt", "mitigatedAt", "resolvedAt"]);
/** Fields holding one of the domain's enum values, shown by their label. */
export const ENUM_FIELDS: ReadonlySet<string> = new Set([
  "severity",
  "status",
  "blastRadius",
  "rootCause.category",
  "change.authorLevel",
  "change.approval",
  "ai.involvement",
]);
