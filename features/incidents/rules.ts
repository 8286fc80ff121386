import type { FieldErrors } from "@/lib/validation";
import type { IncidentInput } from "./schemas";

/** Clocks disagree by a little; an instant up to this far ahead still counts as "now". */
export const CLOCK_SKEW_MS = 5 * 60_000;

type Timestamps = Pick<IncidentInput, "status" | "startedAt" | "detectedAt" | "mitigatedAt" | "resolvedAt">;
/** Timestamps as far as they could be read: a status or start that could not is left out, and the rules about it too. */
export type ReadableTimestamps = Partial<Timestamps>;

/**
 * The rules between an incident's fields (docs/domain.md: timestamp order, status agrees with the
 * timestamps, nothing in the future). Each broken rule is reported on the field that breaks it.
 */
export function incidentRuleErrors(incident: ReadableTimestamps, now: Date): FieldErrors {
  const errors: FieldErrors = {};
  const add = (field: string, message: string) => (errors[field] ??= []).push(message);
  const latest = now.getTime() + CLOCK_SKEW_MS;
  const { startedAt, detectedAt, mitigatedAt, resolvedAt, status } = incident;

  for (const [field, value] of Object.entries({ startedAt, detectedAt, mitigatedAt, resolvedAt })) {
    if (value && value.getTime() > latest) add(field, "cannot be in the future");
  }
  if (detectedAt && startedAt && detectedAt < startedAt) add("detectedAt", "cannot be before the impact started");
  if (mitigatedAt) {
    if (detectedAt && mitigatedAt < detectedAt) add("mitigatedAt", "cannot be before the incident was detected");
    else if (startedAt && mitigatedAt < startedAt) add("mitigatedAt", "cannot be before the impact started");
  }
  if (resolvedAt) {
    if (!mitigatedAt) add("mitigatedAt", "is required once the incident is resolved");
    else if (resolvedAt < mitigatedAt) add("resolvedAt", "cannot be before the impact was mitigated");
  }

  if (status === "INVESTIGATING" && mitigatedAt) add("status", "cannot be Investigating once a mitigation time is set");
  if (status === "MITIGATED") {
    if (!mitigatedAt) add("mitigatedAt", "is required when the status is Mitigated");
    if (resolvedAt) add("status", "must be Resolved once a resolution time is set");
  }
  if (status === "RESOLVED") {
    if (!mitigatedAt && !resolvedAt) add("mitigatedAt", "is required when the status is Resolved");
    if (!resolvedAt) add("resolvedAt", "is required when the status is Resolved");
  }
  return errors;
}
