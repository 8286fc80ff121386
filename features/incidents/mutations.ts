import { auditEventData } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import type { Database } from "@/lib/db/client";
import { NotFoundError, RuleViolationError, ValidationError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { fieldErrorsOf } from "@/lib/validation";
import { getOrganisationSettingsForWrite } from "@/features/settings/queries";
import { auditSnapshot, diffSnapshots } from "./changes";
import { mergeIncidentPatch, parseIncidentPatch } from "./patch";
import { isPolicyViolation } from "./policy";
import { clearedFillableFields, FILLABLE_FROM_CHANGE, fillFromRecordedChange, givenFillableFields } from "./linked-change";
import { findIncident } from "./reads";
import { incidentWithServices, toIncidentResponse, type IncidentResponse } from "./response";
import { incidentRuleErrors } from "./rules";
import { incidentInputSchema } from "./schemas";
import { IncidentVersionConflictError, incidentColumns, incidentInputOf, policyChangeOf } from "./update";

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

/** The services named by slug; an unknown one is a 400 on the services field. */
async function servicesBySlug(tx: Tx, slugs: string[]) {
  const services = await tx.service.findMany({ where: { slug: { in: slugs } }, select: { id: true, slug: true } });
  const unknown = slugs.filter((slug) => !services.some((s) => s.slug === slug));
  if (unknown.length > 0) throw new ValidationError({ services: [`unknown service: ${unknown.join(", ")}`] });
  return services;
}

/**
 * Files an incident: checks the input's shape and its rules, then writes the incident and
 * its audit event in one transaction. The form, the API and the command line all come here.
 */
export async function fileIncident(db: Database, rawInput: unknown, actor: Actor, now = new Date()): Promise<IncidentResponse> {
  const parsed = incidentInputSchema.safeParse(rawInput);
  if (!parsed.success) throw new ValidationError(fieldErrorsOf(parsed.error));
  const ruleErrors = incidentRuleErrors(parsed.data, now);
  if (Object.keys(ruleErrors).length > 0) throw new RuleViolationError(ruleErrors);

  const row = await db.$transaction(async (tx) => {
    const services = await servicesBySlug(tx, parsed.data.services);
    const { approvalPolicy } = await getOrganisationSettingsForWrite(tx);
    const input = await fillFromRecordedChange(tx, parsed.data, givenFillableFields(rawInput));
    const created = await tx.incident.create({
      data: {
        reference: await allocateIncidentReference(tx, now.getUTCFullYear()),
        ...incidentColumns(input, isPolicyViolation(policyChangeOf(input), approvalPolicy)),
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

/**
 * Edits an incident: the patch names the version it is based on and the fields to change.
 * The merged incident must pass the rules of filing. The write is one conditional UPDATE
 * (WHERE id AND version), so of concurrent edits of one version exactly one wins and every
 * other gets IncidentVersionConflictError: never a silent overwrite.
 */
export async function updateIncident(db: Database, idOrReference: string, rawPatch: unknown, actor: Actor, now = new Date()): Promise<IncidentResponse> {
  const { version, patch } = parseIncidentPatch(rawPatch);
  const current = await findIncident(db, idOrReference, now);
  if (!current) throw new NotFoundError(`No incident with id or reference "${idOrReference}".`);
  if (current.version !== version) throw new IncidentVersionConflictError(current, version);

  const before = incidentInputOf(current);
  const merged = mergeIncidentPatch(before, patch);
  const ruleErrors = incidentRuleErrors(merged, now);
  if (Object.keys(ruleErrors).length > 0) throw new RuleViolationError(ruleErrors);
  const unchanged = Symbol("unchanged");

  const written = await db.$transaction(async (tx) => {
    const { approvalPolicy } = await getOrganisationSettingsForWrite(tx);
    // Naming a recorded change fills what the patch leaves out; an edit that keeps the
    // reference keeps the fields, except those it cleared, which the change fills again.
    const cleared = clearedFillableFields(rawPatch);
    const kept = patch.change?.reference ? givenFillableFields(rawPatch) : new Set(FILLABLE_FROM_CHANGE.filter((field) => !cleared.has(field)));
    const after = patch.change?.reference || cleared.size > 0 ? await fillFromRecordedChange(tx, merged, kept) : merged;
    const policyViolation = isPolicyViolation(policyChangeOf(after), approvalPolicy);
    const changes = diffSnapshots(auditSnapshot(before, current.policyViolation), auditSnapshot(after, policyViolation));
    if (Object.keys(changes).length === 0) return unchanged;
    const services = changes.services ? await servicesBySlug(tx, after.services) : null;
    const { count } = await tx.incident.updateMany({
      where: { id: current.id, version },
      data: { ...incidentColumns(after, policyViolation), version: { increment: 1 } },
    });
    if (count === 0) return null; // another edit of this version committed first
    if (services) {
      await tx.incidentService.deleteMany({ where: { incidentId: current.id } });
      await tx.incidentService.createMany({ data: services.map((s) => ({ incidentId: current.id, serviceId: s.id })) });
    }
    await tx.auditEvent.create({
      data: auditEventData(actor, {
        action: "incident.update",
        entityType: "Incident",
        entityId: current.id,
        // The version pair lets a conflicted editor find the edits made since their version.
        changes: { version: { from: version, to: version + 1 }, ...changes },
      }),
    });
    return tx.incident.findUniqueOrThrow({ where: { id: current.id }, include: incidentWithServices });
  });
  if (written === unchanged) return current;
  if (written) return toIncidentResponse(written, now);
  const latest = await findIncident(db, current.id, now);
  if (!latest) throw new NotFoundError(`Incident ${current.reference} was deleted while it was being edited.`);
  throw new IncidentVersionConflictError(latest, version);
}
