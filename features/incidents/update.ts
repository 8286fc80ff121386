import { ConflictError } from "@/lib/errors";
import type { IncidentResponse } from "./response";
import type { IncidentInput } from "./schemas";

/**
 * An edit based on a version that is no longer the current one (HTTP 409). It carries the
 * incident as it is now, so the caller can show what changed and offer to re-apply the edit.
 */
export class IncidentVersionConflictError extends ConflictError {
  readonly currentVersion: number;
  constructor(
    readonly current: IncidentResponse,
    readonly yourVersion: number,
  ) {
    super(
      `Incident ${current.reference} is at version ${current.version}, but this edit is based on version ${yourVersion}: ` +
        "someone changed it since. Nothing was saved; re-apply the edit on the current version.",
    );
    this.currentVersion = current.version;
  }
}

const instant = (iso: string | null) => (iso === null ? undefined : new Date(iso));
const orUndefined = <T>(value: T | null): T | undefined => value ?? undefined;

/** The stored incident in the shape of the input, so a patch can be laid over it. */
export function incidentInputOf(incident: IncidentResponse): IncidentInput {
  return {
    title: incident.title,
    summary: incident.summary,
    severity: incident.severity,
    status: incident.status,
    services: incident.services,
    startedAt: new Date(incident.startedAt),
    detectedAt: instant(incident.detectedAt),
    mitigatedAt: instant(incident.mitigatedAt),
    resolvedAt: instant(incident.resolvedAt),
    impact: {
      usersAffected: incident.impact.usersAffected,
      failedTransactions: orUndefined(incident.impact.failedTransactions),
      regions: incident.impact.regions,
      capabilities: incident.impact.capabilities,
    },
    blastRadius: incident.blastRadius,
    rootCause: incident.rootCause,
    change: {
      reference: orUndefined(incident.change.reference),
      authorLevel: orUndefined(incident.change.authorLevel),
      approval: incident.change.approval,
    },
    ai: { involvement: incident.ai.involvement, tool: orUndefined(incident.ai.tool), description: orUndefined(incident.ai.description) },
  };
}

/** The incident's own columns from the input: one mapping for filing and for editing. */
export function incidentColumns(input: IncidentInput, policyViolation: boolean) {
  return {
    title: input.title,
    summary: input.summary,
    severity: input.severity,
    status: input.status,
    startedAt: input.startedAt,
    detectedAt: input.detectedAt ?? null,
    mitigatedAt: input.mitigatedAt ?? null,
    resolvedAt: input.resolvedAt ?? null,
    usersAffected: input.impact.usersAffected,
    failedTransactions: input.impact.failedTransactions ?? null,
    regions: input.impact.regions,
    capabilities: input.impact.capabilities,
    blastRadius: input.blastRadius,
    rootCauseCategory: input.rootCause.category,
    rootCauseDescription: input.rootCause.description,
    changeReference: input.change.reference ?? null,
    changeAuthorLevel: input.change.authorLevel ?? null,
    changeApproval: input.change.approval,
    aiInvolvement: input.ai.involvement,
    aiTool: input.ai.tool ?? null,
    aiDescription: input.ai.description ?? null,
    policyViolation,
  };
}

/** The approval-policy view of an incident's triggering change. */
export const policyChangeOf = (input: IncidentInput) => ({
  aiInvolvement: input.ai.involvement,
  authorLevel: input.change.authorLevel,
  approval: input.change.approval,
});
