import type { IncidentInput } from "@/features/incidents/schemas";

/** A field's value as the audit trail stores it: JSON, instants as ISO strings. */
export type AuditValue = string | number | boolean | null | string[];
export type FieldChange = { from: AuditValue; to: AuditValue };
/** Field path (dotted for nested fields, e.g. "impact.usersAffected") → its change. */
export type FieldChanges = Record<string, FieldChange>;

const iso = (instant: Date | undefined) => instant?.toISOString() ?? null;

/**
 * An incident as a flat list of the fields people edit, in the order the form shows them.
 * Services are sorted: the set matters, not the order they were ticked in.
 */
export function auditSnapshot(incident: IncidentInput, policyViolation: boolean): Record<string, AuditValue> {
  return {
    title: incident.title,
    severity: incident.severity,
    status: incident.status,
    services: [...incident.services].sort(),
    summary: incident.summary,
    startedAt: iso(incident.startedAt),
    detectedAt: iso(incident.detectedAt),
    mitigatedAt: iso(incident.mitigatedAt),
    resolvedAt: iso(incident.resolvedAt),
    "impact.usersAffected": incident.impact.usersAffected,
    "impact.failedTransactions": incident.impact.failedTransactions ?? null,
    "impact.regions": incident.impact.regions,
    "impact.capabilities": incident.impact.capabilities,
    blastRadius: incident.blastRadius,
    "rootCause.category": incident.rootCause.category,
    "rootCause.description": incident.rootCause.description,
    "change.reference": incident.change.reference ?? null,
    "change.authorLevel": incident.change.authorLevel ?? null,
    "change.approval": incident.change.approval,
    "ai.involvement": incident.ai.involvement,
    "ai.tool": incident.ai.tool ?? null,
    "ai.description": incident.ai.description ?? null,
    // Derived, but stored and shown: a change to it is worth seeing in the history.
    policyViolation,
  };
}

const same = (a: AuditValue | undefined, b: AuditValue | undefined) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The fields that really differ between two snapshots, each with its old and new value. */
export function diffSnapshots(before: Record<string, AuditValue>, after: Record<string, AuditValue>): FieldChanges {
  const changes: FieldChanges = {};
  for (const field of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const from = before[field] ?? null;
    const to = after[field] ?? null;
    if (!same(from, to)) changes[field] = { from, to };
  }
  return changes;
}
