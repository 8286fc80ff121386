// An incident's input and its stored columns, each made from the other.
import type { IncidentResponse } from "@/features/incidents/reads";
import type { IncidentInput } from "@/features/incidents/schemas";

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
