import { recordIncidentEvents } from "@/lib/jobs/events";
import { auditEventData } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { assertMay } from "@/lib/auth/assert-may";
import type { Database } from "@/lib/db/client";
import { auditVersionedUpdate } from "@/lib/db/versioned-update";
import { NotFoundError, RuleViolationError, ValidationError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { addFieldError } from "@/lib/validation";
import { getOrganisationSettingsForWrite } from "@/lib/organisation-settings";
import { auditSnapshot, diffSnapshots } from "@/features/incidents/audit-snapshot";
import { checkIncidentInput } from "./check";
import { mergeIncidentPatch, parseIncidentPatch } from "./patch";
import { isPolicyViolation } from "@/lib/domain/approval-policy";
import { clearedFillableFields, FILLABLE_FROM_CHANGE, fillFromRecordedChange, givenFillableFields } from "./linked-change";
import { findIncident } from "./reads";
import { toIncidentResponse, type IncidentResponse } from "./reads";
import { allocateIncidentReference } from "./reference";
import { incidentRuleErrors } from "./rules";
import { incidentColumns, incidentInputOf, policyChangeOf } from "./columns";
import { IncidentVersionConflictError } from "./version-conflict";

type ServiceOfIncident = { id: string; slug: string; name: string; team: { slug: string; name: string }; retired: boolean };

/** The services named by slug; an unknown one is a 400 on the services field. */
export const servicesBySlugQuery = (slugs: string[]) => Prisma.sql`
  SELECT s.id::text AS id, s.slug, s.name, json_build_object('slug', t.slug, 'name', t.name) AS team, s.retired_at IS NOT NULL AS retired
  FROM services s JOIN teams t ON t.id = s.team_id WHERE s.slug = ANY(${slugs}::text[])`;

async function findServicesBySlug(tx: Pick<Database, "$queryRaw">, slugs: string[]) {
  const services = await tx.$queryRaw<ServiceOfIncident[]>(servicesBySlugQuery(slugs));
  const unknown = slugs.filter((slug) => !services.some((s) => s.slug === slug));
  return { services, unknownServicesMessage: unknown.length > 0 ? `unknown service: ${unknown.join(", ")}` : null };
}

function retiredServicesMessage(services: ServiceOfIncident[]): string | null {
  const retired = services.filter((s) => s.retired).map((s) => s.slug);
  return retired.length > 0 ? `retired, so no longer takes new incidents: ${retired.join(", ")}` : null;
}

/** A retired service takes no new incident; one it already had (`alreadyNamed`) stays on it. */
async function servicesBySlug(tx: Pick<Database, "$queryRaw">, slugs: string[], alreadyNamed: string[] = []) {
  const { services, unknownServicesMessage } = await findServicesBySlug(tx, slugs);
  if (unknownServicesMessage) throw new ValidationError({ services: [unknownServicesMessage] });
  const retired = retiredServicesMessage(services.filter((s) => !alreadyNamed.includes(s.slug)));
  if (retired) throw new RuleViolationError({ services: [retired] });
  return services;
}

/**
 * Files an incident: checks the input's shape and its rules, then writes the incident and
 * its audit event in one transaction. The form, the API and the command line all come here.
 */
export async function fileIncident(db: Database, rawInput: unknown, actor: Actor, now = new Date()): Promise<IncidentResponse> {
  assertMay(actor, "incident:create", "file incidents");
  // Every problem at once: the shape, the rules between fields, and the services named.
  const { input: parsed, services: slugs, shapeErrors, ruleErrors } = checkIncidentInput(rawInput, now);
  const found = slugs ? await findServicesBySlug(db, slugs) : null;
  if (found?.unknownServicesMessage) addFieldError(shapeErrors, "services", found.unknownServicesMessage);
  const retired = found ? retiredServicesMessage(found.services) : null;
  if (retired) addFieldError(ruleErrors, "services", retired);
  if (!parsed || !found || Object.keys(shapeErrors).length > 0) throw new ValidationError({ ...shapeErrors, ...ruleErrors });
  if (Object.keys(ruleErrors).length > 0) throw new RuleViolationError(ruleErrors);

  // Every refusal comes before the reference is taken, so a refused filing uses no number.
  const { services } = found;
  const reference = await allocateIncidentReference(db, now.getUTCFullYear());
  return db.$transaction(async (tx) => {
    const { approvalPolicy } = await getOrganisationSettingsForWrite(tx);
    const input = await fillFromRecordedChange(tx, parsed, givenFillableFields(rawInput));
    const created = await tx.incident.create({
      data: { reference, ...incidentColumns(input, isPolicyViolation(policyChangeOf(input), approvalPolicy)), createdById: actor.userId },
      omit: { createdById: true },
    });
    await tx.incidentService.createMany({ data: services.map((s) => ({ incidentId: created.id, serviceId: s.id })) });
    // The response is made of what was written: no read after the insert.
    const incident = toIncidentResponse({ ...created, services: services.map((service) => ({ service })) }, now);
    await tx.auditEvent.create({
      data: auditEventData(actor, { action: "incident.create", entityType: "Incident", entityId: created.id, changes: { created: incident } }),
      select: { id: true },
    });
    await recordIncidentEvents(tx, created.id, null, created, now);
    return incident;
  });
}

/** Status, mitigation and resolution times agree with each other, so a person's edit of one keeps all three. */
const EDITED_TOGETHER = ["status", "mitigatedAt", "resolvedAt"];

/**
 * Remembers the fields a person edited on an incident a tool filed (e.g. from PagerDuty), so
 * the tool's later events never overwrite them. policyViolation is derived, never edited.
 */
async function recordPersonEdits(tx: Prisma.TransactionClient, incidentId: string, changed: string[]): Promise<void> {
  const edited = changed.filter((field) => field !== "policyViolation");
  const fields = edited.some((field) => EDITED_TOGETHER.includes(field)) ? [...new Set([...edited, ...EDITED_TOGETHER])] : edited;
  if (fields.length === 0) return;
  await tx.$executeRaw`UPDATE incidents SET person_edited_fields = ARRAY(SELECT DISTINCT f FROM unnest(person_edited_fields || ${fields}::text[]) AS f ORDER BY f)
    WHERE id = ${incidentId}::uuid`;
}

/**
 * Edits an incident: the patch names the version it is based on and the fields to change.
 * The merged incident must pass the rules of filing. The write is one conditional UPDATE
 * (WHERE id AND version), so of concurrent edits of one version exactly one wins and every
 * other gets IncidentVersionConflictError: never a silent overwrite.
 */
export async function updateIncident(db: Database, idOrReference: string, rawPatch: unknown, actor: Actor, now = new Date()): Promise<IncidentResponse> {
  assertMay(actor, "incident:update", "edit incidents");
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
    const services = changes.services ? await servicesBySlug(tx, after.services, before.services) : null;
    const { count } = await tx.incident.updateMany({
      where: { id: current.id, version },
      data: { ...incidentColumns(after, policyViolation), version: { increment: 1 } },
    });
    if (count === 0) return null; // another edit of this version committed first
    if (current.source) await recordPersonEdits(tx, current.id, Object.keys(changes));
    if (services) {
      await tx.incidentService.deleteMany({ where: { incidentId: current.id } });
      await tx.incidentService.createMany({ data: services.map((s) => ({ incidentId: current.id, serviceId: s.id })) });
    }
    await auditVersionedUpdate(tx, actor, { action: "incident.update", entityType: "Incident", entityId: current.id, version, changes });
    await recordIncidentEvents(tx, current.id, current, after, now);
    return findIncident(tx, current.id, now);
  });
  if (written === unchanged) return current;
  if (written) return written;
  const latest = await findIncident(db, current.id, now);
  if (!latest) throw new NotFoundError(`Incident ${current.reference} was deleted while it was being edited.`);
  throw new IncidentVersionConflictError(latest, version);
}
