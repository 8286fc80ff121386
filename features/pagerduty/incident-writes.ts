// The incident side of the integration: reading a sourced incident for update, filing one,
// and what a re-derivation changes, in the audit trail's words.
import { recordIncidentEvents } from "@/lib/jobs/events";
import { auditEventData } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import type { Prisma } from "@/lib/generated/prisma/client";
import { findIncident } from "@/features/incidents/reads";
import type { SourcedFields } from "./fold";

type Tx = Prisma.TransactionClient;

export type SourcedIncident = { id: string; reference: string; version: number; personEditedFields: string[]; fields: SourcedFields };

type Row = Omit<SourcedFields, "severity"> & { id: string; reference: string; version: number; personEditedFields: string[]; severity: string };

/** The incident filed from `system`'s incident `sourceId`, its row locked until the transaction ends. */
export async function readSourcedIncident(tx: Tx, system: string, sourceId: string): Promise<SourcedIncident | null> {
  const [row] = await tx.$queryRaw<Row[]>`
    SELECT i.id::text AS id, i.reference, i.version, i.person_edited_fields AS "personEditedFields",
      i.title, i.severity::text AS severity, i.status::text AS status, i.started_at AS "startedAt", i.detected_at AS "detectedAt",
      i.mitigated_at AS "mitigatedAt", i.resolved_at AS "resolvedAt",
      ARRAY(SELECT x.service_id::text FROM incident_services x WHERE x.incident_id = i.id ORDER BY x.ctid) AS services
    FROM incidents i WHERE i.source_system = ${system} AND i.source_id = ${sourceId}
    FOR UPDATE OF i`;
  if (!row) return null;
  const { id, reference, version, personEditedFields, ...fields } = row;
  return { id, reference, version, personEditedFields, fields: { ...fields, severity: fields.severity === "SEV1" ? "SEV1" : "SEV2" } };
}

/** The incident columns the events decide. */
export const sourcedColumns = (fields: SourcedFields) => ({
  title: fields.title,
  severity: fields.severity,
  status: fields.status,
  startedAt: fields.startedAt,
  detectedAt: fields.detectedAt,
  mitigatedAt: fields.mitigatedAt,
  resolvedAt: fields.resolvedAt,
});

type NewSourcedIncident = {
  reference: string;
  fields: SourcedFields;
  source: { system: string; id: string; url: string };
  actor: Actor;
  now: Date;
};

/** Files the incident with its audit event, as filing by hand does; what is not known stays at its default. */
export async function createSourcedIncident(tx: Tx, incident: NewSourcedIncident): Promise<{ id: string; reference: string }> {
  const { fields, source } = incident;
  const created = await tx.incident.create({
    data: {
      reference: incident.reference,
      ...sourcedColumns(fields),
      blastRadius: fields.services.length > 1 ? "MULTI_SERVICE" : "SINGLE_SERVICE",
      sourceSystem: source.system,
      sourceId: source.id,
      sourceUrl: source.url,
    },
    select: { id: true, reference: true },
  });
  await tx.incidentService.createMany({ data: fields.services.map((serviceId) => ({ incidentId: created.id, serviceId })) });
  const response = await findIncident(tx, created.id, incident.now);
  await tx.auditEvent.create({
    data: auditEventData(incident.actor, { action: "incident.create", entityType: "Incident", entityId: created.id, changes: { created: response } }),
    select: { id: true },
  });
  await recordIncidentEvents(tx, created.id, null, fields, incident.now);
  return created;
}

const iso = (instant: Date | null) => instant?.toISOString() ?? null;

const auditValues = (fields: SourcedFields) => ({
  title: fields.title,
  severity: fields.severity,
  status: fields.status,
  startedAt: iso(fields.startedAt),
  detectedAt: iso(fields.detectedAt),
  mitigatedAt: iso(fields.mitigatedAt),
  resolvedAt: iso(fields.resolvedAt),
});

/** The fields that differ, as the audit trail records them ({ field: { from, to } }; services by slug). */
export async function changedFields(tx: Tx, before: SourcedFields, after: SourcedFields): Promise<Record<string, { from: unknown; to: unknown }>> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  const from = auditValues(before);
  const to = auditValues(after);
  for (const field of Object.keys(from) as (keyof typeof from)[]) {
    if (from[field] !== to[field]) changes[field] = { from: from[field], to: to[field] };
  }
  const sameServices = before.services.length === after.services.length && before.services.every((id) => after.services.includes(id));
  if (!sameServices) {
    const rows = await tx.service.findMany({ where: { id: { in: [...before.services, ...after.services] } }, select: { id: true, slug: true } });
    const slugs = (ids: string[]) => ids.map((id) => rows.find((row) => row.id === id)?.slug ?? id).sort();
    changes.services = { from: slugs(before.services), to: slugs(after.services) };
  }
  return changes;
}
