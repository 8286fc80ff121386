import type { Prisma } from "@/lib/generated/prisma/client";
import { deriveIncidentDurations } from "./derived";

export const incidentWithServices = {
  services: { include: { service: { select: { slug: true, name: true, team: { select: { slug: true, name: true } } } } } },
} satisfies Prisma.IncidentInclude;

export type IncidentRow = Prisma.IncidentGetPayload<{ include: typeof incidentWithServices }>;

type ServiceLink = { service: { slug: string; name: string; team: { slug: string; name: string } } };
/** What the response is made of: an incident's columns and its services, read by Prisma or by SQL. */
export type IncidentRecord = Omit<IncidentRow, "services" | "createdById"> & { services: ServiceLink[] };

/** What leaves the server for an incident: the nested shape of the API, with the derived fields. */
export function toIncidentResponse(row: IncidentRecord, now: Date) {
  const durations = deriveIncidentDurations(row, now);
  return {
    id: row.id,
    reference: row.reference,
    title: row.title,
    summary: row.summary,
    severity: row.severity,
    status: row.status,
    services: row.services.map((link) => link.service.slug),
    serviceDetails: row.services.map((link) => ({ slug: link.service.slug, name: link.service.name, team: link.service.team })),
    startedAt: row.startedAt.toISOString(),
    detectedAt: row.detectedAt?.toISOString() ?? null,
    mitigatedAt: row.mitigatedAt?.toISOString() ?? null,
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
    impact: {
      usersAffected: row.usersAffected,
      failedTransactions: row.failedTransactions,
      regions: row.regions,
      capabilities: row.capabilities,
    },
    blastRadius: row.blastRadius,
    rootCause: { category: row.rootCauseCategory, description: row.rootCauseDescription },
    change: { reference: row.changeReference, authorLevel: row.changeAuthorLevel, approval: row.changeApproval },
    ai: { involvement: row.aiInvolvement, tool: row.aiTool, description: row.aiDescription },
    version: row.version,
    impactMinutes: durations.impactMinutes,
    ttdMinutes: durations.ttdMinutes,
    ttmMinutes: durations.ttmMinutes,
    ttrMinutes: durations.ttrMinutes,
    policyViolation: row.policyViolation,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export type IncidentResponse = ReturnType<typeof toIncidentResponse>;
