// What a CSV cell says, in the words of the incident's input: the export's values exactly,
// and the obvious words of people and other tools (labels, "P1", PagerDuty and Opsgenie
// statuses, timestamps without a "T"). A cell not understood is passed on as written, so the
// incident's own schema names what it expected.
import {
  AI_INVOLVEMENT_LABELS,
  AI_INVOLVEMENTS,
  AUTHOR_LEVEL_LABELS,
  AUTHOR_LEVELS,
  BLAST_RADII,
  BLAST_RADIUS_LABELS,
  CHANGE_APPROVAL_LABELS,
  CHANGE_APPROVALS,
  INCIDENT_STATUS_LABELS,
  INCIDENT_STATUSES,
  ROOT_CAUSE_CATEGORIES,
  ROOT_CAUSE_CATEGORY_LABELS,
  SEVERITIES,
  SEVERITY_LABELS,
} from "@/lib/domain/incident-enums";
import { isIsoInstant } from "@/lib/schemas";

const words = (text: string) => text.toLowerCase().replace(/[\s_\-.]+/g, "");

/** A reader of one enum: its values and labels in any case and spacing, plus other words for them. */
function enumReader<V extends string>(values: readonly V[], labels: Record<V, string>, others: Record<string, V> = {}) {
  const known = new Map<string, V>();
  for (const [word, value] of Object.entries(others)) known.set(words(word), value);
  for (const value of values) {
    known.set(words(value), value);
    known.set(words(labels[value]), value);
  }
  return (cell: string): string => known.get(words(cell)) ?? cell.trim();
}

export const readSeverity = enumReader(SEVERITIES, SEVERITY_LABELS, {
  "1": "SEV1",
  "2": "SEV2",
  "sev-1": "SEV1",
  "sev-2": "SEV2",
  P1: "SEV1",
  P2: "SEV2",
  critical: "SEV1",
  high: "SEV1", // PagerDuty's urgency
  low: "SEV2",
  major: "SEV2",
});

/** Priorities below SEV2 that other tools use: the message says why they are refused. */
export const BELOW_SEV2 = /^(p[3-5]|sev[-_ ]?[3-5]|[3-5])$/i;

export const readStatus = enumReader(INCIDENT_STATUSES, INCIDENT_STATUS_LABELS, {
  triggered: "INVESTIGATING",
  acknowledged: "INVESTIGATING",
  open: "INVESTIGATING",
  acked: "INVESTIGATING",
  ongoing: "INVESTIGATING",
  identified: "INVESTIGATING",
  monitoring: "MITIGATED",
  closed: "RESOLVED",
});

export const readBlastRadius = enumReader(BLAST_RADII, BLAST_RADIUS_LABELS, { single: "SINGLE_SERVICE", multi: "MULTI_SERVICE", multiple: "MULTI_SERVICE" });
export const readRootCause = enumReader(ROOT_CAUSE_CATEGORIES, ROOT_CAUSE_CATEGORY_LABELS, {
  code: "CODE_CHANGE",
  config: "CONFIG_CHANGE",
  infra: "INFRA_CHANGE",
});
export const readAuthorLevel = enumReader(AUTHOR_LEVELS, AUTHOR_LEVEL_LABELS);
export const readApproval = enumReader(CHANGE_APPROVALS, CHANGE_APPROVAL_LABELS);
export const readAiInvolvement = enumReader(AI_INVOLVEMENTS, AI_INVOLVEMENT_LABELS, {
  ai: "ASSISTED",
  assisted: "ASSISTED",
  generated: "GENERATED",
  agent: "AGENT",
});

const pad = (part: string | undefined, width = 2) => (part ?? "0").padStart(width, "0");

/**
 * An instant as ISO 8601 with its offset. Besides ISO 8601 itself: a space for the "T",
 * "UTC" or "+0100" for the offset, and no offset at all (read as UTC); Unix time in seconds
 * or milliseconds. Anything else is passed on for the schema to refuse.
 */
export function readInstant(cell: string): string {
  const text = cell.trim();
  if (isIsoInstant(text)) return text;
  if (/^\d{10}$/.test(text)) return new Date(Number(text) * 1000).toISOString();
  if (/^\d{13}$/.test(text)) return new Date(Number(text)).toISOString();
  const match = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{1,2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2})?$/i.exec(text);
  if (!match) return text;
  const [, year, month, day, hour, minute, second, fraction, zone] = match;
  const offset = !zone || /^(z|utc|gmt)$/i.test(zone) ? "Z" : `${zone.slice(0, 3)}:${zone.slice(-2)}`;
  return `${year}-${month}-${day}T${pad(hour)}:${minute}:${pad(second)}${fraction ?? ""}${offset}`;
}

/** A whole number, with thousands separators allowed; anything else is passed on. */
export function readCount(cell: string): number | string {
  const text = cell.trim();
  if (/^\d{1,3}([,_ ]\d{3})+$/.test(text) || /^\d+$/.test(text)) {
    const number = Number(text.replace(/[,_ ]/g, ""));
    return Number.isSafeInteger(number) ? number : text;
  }
  return text;
}

/** A list written with spaces (as the export writes it) or commas between its entries. */
export const readList = (cell: string) => cell.split(/[\s,]+/).filter(Boolean);
