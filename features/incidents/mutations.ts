import { auditEventData } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import type { Database } from "@/lib/db/client";
import { RuleViolationError, ValidationError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { fieldErrorsOf } from "@/lib/validation";
import { getOrganisationSettings } from "@/features/settings/queries";
import { isPolicyViolation } from "./policy";
import { incidentWithServices, toIncidentResponse, type IncidentResponse } from "./response";
import { incidentRuleErrors } from "./rules";
import { incidentInputSchema } from "./schemas";

type Tx = Prisma.TransactionClient;

/** The next reference of a year, e.g. INC-2026-0042; the counter only ever goes up. */
export async function allocateIncidentReference(tx: Tx, year: number): Promise<string> {
  const rows = await tx.$queryRaw<{ last_number: number }[]>`
    INSERT INTO incident_reference_counters (year, last_number) VALUES (${year}, 1)
    ON CONFLICT (year) DO UPDATE SET last_number = incident_reference_counters.last_number + 1
    RETURNING last_number`;
  const number = rows[0]?.last_number;
  if (number === undefined) throw new Error(`No reference number was allocated for ${year}`);
  return `INC-${year}-${String(number).padStart(4, "0")}`;
}

/**
 * Files an incident: checks the input's shape and its rules, then writes the incident and
 * its audit event in one transaction. The form, the API and the command line all come here.
 */
export async function fileIncident(db: Database, rawInput: unknown, actor: Actor, now = new Date()): Promise<IncidentResponse> {
  const parsed = incidentInputSchema.safeParse(rawInput);
  if (!parsed.success) throw new ValidationError(fieldErrorsOf(parsed.error));
  const input = parsed.data;
  const ruleErrors = incidentRuleErrors(input, now);
  if (Object.keys(ruleErrors).length > 0) throw new RuleViolationError(ruleErrors);

  const row = await db.$transaction(async (tx) => {
    const services = await tx.service.findMany({ where: { slug: { in: input.services } }, select: { id: true, slug: true } });
    const unknown = input.services.filter((slug) => !services.some((s) => s.slug === slug));
    if (unknown.length > 0) throw new ValidationError({ services: [`unknown service: ${unknown.join(", ")}`] });

    const { approvalPolicy } = await getOrganisationSettings(tx);
    const change = { aiInvolvement: input.ai.involvement, authorLevel: input.change.authorLevel, approval: input.change.approval };
    const created = await tx.incident.create({
      data: {
        reference: await allocateIncidentReference(tx, now.getUTCFullYear()),
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
        policyViolation: isPolicyViolation(change, approvalPolicy),
        createdById: actor.userId,
        services: { create: services.map((s) => ({ serviceId: s.id })) },
      },
      include: incidentWithServices,
    });
    await tx.auditEvent.create({
      data: auditEventData(actor, { action: "incident.create", entityType: "Incident", entityId: created.id, changes: { created: toIncidentResponse(created, now) } }),
    });
    return created;
  });
  return toIncidentResponse(row, now);
}
