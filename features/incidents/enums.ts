// The enum values of the specification, with the words people read in the app.

export const SEVERITIES = ["SEV1", "SEV2"] as const;
export const INCIDENT_STATUSES = ["INVESTIGATING", "MITIGATED", "RESOLVED"] as const;
export const BLAST_RADII = ["SINGLE_SERVICE", "MULTI_SERVICE", "REGIONAL", "SITE_WIDE"] as const;
export const ROOT_CAUSE_CATEGORIES = [
  "CODE_CHANGE",
  "CONFIG_CHANGE",
  "INFRA_CHANGE",
  "DEPENDENCY",
  "CAPACITY",
  "HARDWARE",
  "SECURITY",
  "UNKNOWN",
] as const;
export const AUTHOR_LEVELS = ["JUNIOR", "MID", "SENIOR", "PRINCIPAL"] as const;
export const CHANGE_APPROVALS = ["NONE", "PEER", "SENIOR", "MANAGER"] as const;
export const AI_INVOLVEMENTS = ["NONE", "ASSISTED", "GENERATED", "AGENT"] as const;

export const LABELS: Record<string, string> = {
  SEV1: "Sev1",
  SEV2: "Sev2",
  INVESTIGATING: "Investigating",
  MITIGATED: "Mitigated",
  RESOLVED: "Resolved",
  SINGLE_SERVICE: "Single service",
  MULTI_SERVICE: "Multiple services",
  REGIONAL: "Regional",
  SITE_WIDE: "Site-wide",
  CODE_CHANGE: "Code change",
  CONFIG_CHANGE: "Configuration change",
  INFRA_CHANGE: "Infrastructure change",
  DEPENDENCY: "Dependency",
  CAPACITY: "Capacity",
  HARDWARE: "Hardware",
  SECURITY: "Security",
  UNKNOWN: "Unknown",
  JUNIOR: "Junior",
  MID: "Mid-level",
  SENIOR: "Senior",
  PRINCIPAL: "Principal",
  NONE: "None",
  PEER: "Peer",
  MANAGER: "Manager",
  ASSISTED: "AI-assisted",
  GENERATED: "AI-generated",
  AGENT: "AI agent",
};

export function label(value: string | null | undefined): string {
  if (!value) return "—";
  return LABELS[value] ?? value;
}
