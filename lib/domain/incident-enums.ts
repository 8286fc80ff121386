// The enum values of the specification, with the words people read in the app: one label map
// per enum, the only place those words are written (enums.test.ts checks every value has one).

export const SEVERITIES = ["SEV1", "SEV2"] as const;
export const INCIDENT_STATUSES = ["INVESTIGATING", "MITIGATED", "RESOLVED"] as const;
export const BLAST_RADII = ["SINGLE_SERVICE", "MULTI_SERVICE", "REGIONAL", "SITE_WIDE"] as const;
export const ROOT_CAUSE_CATEGORIES = ["CODE_CHANGE", "CONFIG_CHANGE", "INFRA_CHANGE", "DEPENDENCY", "CAPACITY", "HARDWARE", "SECURITY", "UNKNOWN"] as const;
export const AUTHOR_LEVELS = ["JUNIOR", "MID", "SENIOR", "PRINCIPAL"] as const;
export const CHANGE_APPROVALS = ["NONE", "PEER", "SENIOR", "MANAGER"] as const;
export const AI_INVOLVEMENTS = ["NONE", "ASSISTED", "GENERATED", "AGENT"] as const;

type LabelsOf<Values extends readonly string[]> = Record<Values[number], string>;

export const SEVERITY_LABELS: LabelsOf<typeof SEVERITIES> = { SEV1: "Sev1", SEV2: "Sev2" };
export const INCIDENT_STATUS_LABELS: LabelsOf<typeof INCIDENT_STATUSES> = {
  INVESTIGATING: "Investigating",
  MITIGATED: "Mitigated",
  RESOLVED: "Resolved",
};
export const BLAST_RADIUS_LABELS: LabelsOf<typeof BLAST_RADII> = {
  SINGLE_SERVICE: "Single service",
  MULTI_SERVICE: "Multi-service",
  REGIONAL: "Regional",
  SITE_WIDE: "Site-wide",
};
export const ROOT_CAUSE_CATEGORY_LABELS: LabelsOf<typeof ROOT_CAUSE_CATEGORIES> = {
  CODE_CHANGE: "Code change",
  CONFIG_CHANGE: "Configuration change",
  INFRA_CHANGE: "Infrastructure change",
  DEPENDENCY: "Dependency",
  CAPACITY: "Capacity",
  HARDWARE: "Hardware",
  SECURITY: "Security",
  UNKNOWN: "Unknown",
};
export const AUTHOR_LEVEL_LABELS: LabelsOf<typeof AUTHOR_LEVELS> = { JUNIOR: "Junior", MID: "Mid-level", SENIOR: "Senior", PRINCIPAL: "Principal" };
export const CHANGE_APPROVAL_LABELS: LabelsOf<typeof CHANGE_APPROVALS> = { NONE: "None", PEER: "Peer", SENIOR: "Senior", MANAGER: "Manager" };
export const AI_INVOLVEMENT_LABELS: LabelsOf<typeof AI_INVOLVEMENTS> = {
  NONE: "None",
  ASSISTED: "AI-assisted",
  GENERATED: "AI-generated",
  AGENT: "AI agent",
};

/** Every incident enum's labels; a value two enums share (SENIOR, NONE) reads the same in both. */
export const INCIDENT_ENUM_LABELS = [
  SEVERITY_LABELS,
  INCIDENT_STATUS_LABELS,
  BLAST_RADIUS_LABELS,
  ROOT_CAUSE_CATEGORY_LABELS,
  AUTHOR_LEVEL_LABELS,
  CHANGE_APPROVAL_LABELS,
  AI_INVOLVEMENT_LABELS,
] as const;

const LABELS: Record<string, string> = Object.assign({}, ...INCIDENT_ENUM_LABELS);

/** The words for any incident enum value; "—" for none. */
export function label(value: string | null | undefined): string {
  if (!value) return "—";
  return Object.hasOwn(LABELS, value) ? LABELS[value]! : value;
}

/** "Single service, Multi-service, Regional or Site-wide". */
export const oneOfWords = (words: readonly string[]) => (words.length <= 1 ? (words[0] ?? "") : `${words.slice(0, -1).join(", ")} or ${words.at(-1)}`);

/** The allowed values for a program, each with its words where they differ: "SINGLE_SERVICE (Single service), …". */
export const allowedValuesText = <V extends string>(values: readonly V[], labels: Record<V, string>) =>
  oneOfWords(values.map((value) => (labels[value].toUpperCase() === value ? value : `${value} (${labels[value]})`)));
