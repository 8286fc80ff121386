// The edit form's bookkeeping: what it opened with (the baseline), what the user changed
// since, and how those changes are laid over a newer version after a conflict.
import { instantToWallTime } from "@/lib/time/zoned";
import type { AuditValue } from "@/features/incidents/audit-snapshot";
import { INCIDENT_FORM_FIELDS, type IncidentFormField } from "./field-labels";
import { incidentInputFromForm, type IncidentFormValues } from "./form-values";
import type { HistoryEntry } from "./history";
import type { IncidentResponse } from "./reads";

/** The incident as the form shows it, times as wall-clock times in the editor's zone. */
export function incidentFormValuesOf(incident: IncidentResponse, timeZone: string): IncidentFormValues {
  const wall = (iso: string | null) => (iso ? instantToWallTime(new Date(iso), timeZone) : "");
  const number = (n: number | null) => (n === null ? "" : String(n));
  return {
    title: incident.title,
    severity: incident.severity,
    status: incident.status,
    services: [...incident.services],
    summary: incident.summary,
    startedAt: wall(incident.startedAt),
    detectedAt: wall(incident.detectedAt),
    mitigatedAt: wall(incident.mitigatedAt),
    resolvedAt: wall(incident.resolvedAt),
    "impact.usersAffected": number(incident.impact.usersAffected),
    "impact.failedTransactions": number(incident.impact.failedTransactions),
    "impact.regions": incident.impact.regions.join(", "),
    "impact.capabilities": incident.impact.capabilities.join(", "),
    blastRadius: incident.blastRadius,
    "rootCause.category": incident.rootCause.category,
    "rootCause.description": incident.rootCause.description,
    "change.reference": incident.change.reference ?? "",
    "change.authorLevel": incident.change.authorLevel ?? "",
    "change.approval": incident.change.approval,
    "ai.involvement": incident.ai.involvement,
    "ai.tool": incident.ai.tool ?? "",
    "ai.description": incident.ai.description ?? "",
  };
}

// Browsers post a textarea's line breaks as CRLF; the stored text has LF.
const normalised = (values: IncidentFormValues, field: IncidentFormField): string | string[] => {
  const value = values[field];
  if (field === "services") return Array.isArray(value) ? [...value].sort() : [];
  return typeof value === "string" ? value.replace(/\r\n?/g, "\n") : "";
};

/** The fields whose posted value differs from the one the form opened with. */
export function changedFormFields(posted: IncidentFormValues, baseline: IncidentFormValues): IncidentFormField[] {
  return INCIDENT_FORM_FIELDS.filter((field) => JSON.stringify(normalised(posted, field)) !== JSON.stringify(normalised(baseline, field)));
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * The patch of the fields the user changed, nothing else: a field they did not touch is
 * never sent, so it can neither undo someone else's edit nor shave the seconds off a time.
 */
export function patchFromForm(posted: IncidentFormValues, baseline: IncidentFormValues): Record<string, unknown> {
  const changed = changedFormFields(posted, baseline);
  const cleaned: IncidentFormValues = { ...posted };
  for (const field of changed) cleaned[field] = normalised(posted, field);
  const input = incidentInputFromForm(cleaned);
  if (!isRecord(input)) return {};
  const patch: Record<string, unknown> = {};
  for (const field of changed) {
    const [group, key] = field.split(".");
    if (!group) continue;
    if (!key) patch[group] = input[group];
    else {
      const source = input[group];
      const target = isRecord(patch[group]) ? patch[group] : (patch[group] = {});
      if (isRecord(source) && isRecord(target)) target[key] = source[key];
    }
  }
  return patch;
}

/** The user's changes laid over the latest version: what "re-apply my changes" shows them. */
export function rebaseFormValues(posted: IncidentFormValues, baseline: IncidentFormValues, latest: IncidentFormValues): IncidentFormValues {
  const rebased: IncidentFormValues = { ...latest };
  for (const field of changedFormFields(posted, baseline)) rebased[field] = normalised(posted, field);
  return rebased;
}

/** One edit someone else made after the version the user opened. */
export type ConflictingEdit = { field: string; by: string; via: HistoryEntry["method"]; at: string; from: AuditValue; to: AuditValue };
export type IncidentConflict = { yourVersion: number; currentVersion: number; edits: ConflictingEdit[]; yourFields: string[] };

export function incidentConflictOf(edits: HistoryEntry[], versions: { yourVersion: number; currentVersion: number }, yourFields: string[]): IncidentConflict {
  const flat = edits.flatMap((entry) => entry.changes.map((change) => ({ ...change, by: entry.actorLabel, via: entry.method, at: entry.occurredAt })));
  return { ...versions, edits: flat, yourFields };
}
