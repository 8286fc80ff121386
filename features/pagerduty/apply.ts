// Stores one event and re-derives its incident from all of the incident's events, under a
// transaction advisory lock per PagerDuty incident: deliveries of one incident queue, those of
// different incidents run side by side, and the result never depends on arrival order.
import { recordIncidentEvents } from "@/lib/jobs/events";
import { systemActor } from "@/lib/auth/actor";
import type { Database } from "@/lib/db/client";
import { auditVersionedUpdate } from "@/lib/db/versioned-update";
import type { Prisma } from "@/lib/generated/prisma/client";
import { allocateIncidentReference } from "@/features/incidents/reference";
import { foldPagerDutyEvents, type EventOutcome, type FoldContext, type FoldEvent, type SourcedFields } from "./fold";
import { changedFields, createSourcedIncident, readSourcedIncident, sourcedColumns, type SourcedIncident } from "./incident-writes";
import type { PagerDutyMapping } from "./reads";
import { pagerDutyIncidentData, type HandledEventType, type PagerDutyIncidentData } from "./schemas";

type Tx = Prisma.TransactionClient;

/** Who the integration's writes are recorded as, in the audit trail and the incident's history. */
export const PAGERDUTY_ACTOR = systemActor("PagerDuty");
export const PAGERDUTY_SOURCE = "pagerduty";

export type StoredEvent = { id: string; type: HandledEventType; occurredAt: Date; data: PagerDutyIncidentData; rawData: unknown };

type IncidentRef = { id: string; reference: string };
export type ApplyResult = { kind: "refused"; reason: string } | { kind: "created" | "applied" | "duplicate"; incident: IncidentRef; outcome: EventOutcome };

/** What is known of a delivery before its transaction: the event as stored before (a redelivery) and its incident. */
export type Known = { stored: EventOutcome | null; incident: IncidentRef | null };

/** One round trip: most deliveries are redeliveries or of incidents already filed. */
export async function findDelivery(db: Pick<Database, "$queryRaw">, eventId: string, pagerDutyId: string): Promise<Known> {
  const [row] = await db.$queryRaw<{ stored: EventOutcome | null; incident: IncidentRef | null }[]>`
    SELECT (SELECT json_build_object('outcome', e.outcome, 'reason', e.reason) FROM pagerduty_events e WHERE e.id = ${eventId}) AS stored,
      (SELECT json_build_object('id', i.id, 'reference', i.reference) FROM incidents i
        WHERE i.source_system = ${PAGERDUTY_SOURCE} AND i.source_id = ${pagerDutyId}) AS incident`;
  return { stored: row?.stored ?? null, incident: row?.incident ?? null };
}

const foldEventOf = (event: Pick<StoredEvent, "id" | "type" | "occurredAt" | "data">): FoldEvent => ({
  id: event.id,
  type: event.type,
  occurredAt: event.occurredAt,
  incident: { createdAt: event.data.created_at, title: event.data.title, serviceId: event.data.service.id, priority: event.data.priority?.summary ?? null },
});

function foldContext(mapping: PagerDutyMapping, now: Date, current: SourcedIncident | null): FoldContext {
  return {
    priorities: mapping.priorities,
    serviceFor: (pagerDutyServiceId) =>
      Object.hasOwn(mapping.serviceIds, pagerDutyServiceId) ? mapping.serviceIds[pagerDutyServiceId]! : mapping.defaultServiceId,
    current: current?.fields ?? null,
    personEditedFields: current?.personEditedFields ?? [],
    now,
  };
}

/**
 * Stores the event (once: a redelivery is recognised by its id) and brings the incident in
 * line with all of its events, filing it when there is none yet and the event can.
 */
export async function applyPagerDutyEvent(db: Database, event: StoredEvent, mapping: PagerDutyMapping, now: Date, existed: boolean): Promise<ApplyResult> {
  // A number for the incident this event may file, taken before the transaction as filing does.
  const reference = existed ? null : await allocateIncidentReference(db, now.getUTCFullYear());
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`pagerduty-incident:${event.data.id}`}, 0))`;
      const current = await readSourcedIncident(tx, PAGERDUTY_SOURCE, event.data.id);
      if (current) return replay(tx, current, event, mapping, now);
      const folded = foldPagerDutyEvents(event.data.id, [foldEventOf(event)], foldContext(mapping, now, null));
      if (!folded.fields) return { kind: "refused", reason: `the event cannot file an incident: ${folded.reason}` };
      const incident = await createSourcedIncident(tx, {
        reference: reference ?? (await allocateIncidentReference(tx, now.getUTCFullYear())),
        fields: folded.fields,
        source: { system: PAGERDUTY_SOURCE, id: event.data.id, url: event.data.html_url },
        actor: PAGERDUTY_ACTOR,
        now,
      });
      const outcome = folded.outcomes.get(event.id)!;
      await insertEvent(tx, incident.id, event, outcome, now);
      return { kind: "created", incident, outcome };
    },
    { maxWait: 10_000, timeout: 20_000 },
  );
}

async function insertEvent(tx: Tx, incidentId: string, event: StoredEvent, outcome: EventOutcome, now: Date): Promise<boolean> {
  const inserted = await tx.$executeRaw`
    INSERT INTO pagerduty_events (id, pagerduty_incident_id, incident_id, event_type, occurred_at, received_at, data, outcome, reason)
    VALUES (${event.id}, ${event.data.id}, ${incidentId}::uuid, ${event.type}, ${event.occurredAt}, ${now}, ${JSON.stringify(event.rawData)}::jsonb, ${outcome.outcome}, ${outcome.reason})
    ON CONFLICT (id) DO NOTHING`;
  return inserted === 1;
}

type EventRow = { id: string; eventType: HandledEventType; occurredAt: Date; data: unknown; outcome: string; reason: string | null };

async function replay(tx: Tx, current: SourcedIncident, event: StoredEvent, mapping: PagerDutyMapping, now: Date): Promise<ApplyResult> {
  const incident = { id: current.id, reference: current.reference };
  const pending: EventOutcome = { outcome: "ignored", reason: null };
  if (!(await insertEvent(tx, current.id, event, pending, now))) {
    const stored = await tx.pagerDutyEvent.findUnique({ where: { id: event.id }, select: { outcome: true, reason: true } });
    return { kind: "duplicate", incident, outcome: { outcome: stored?.outcome === "applied" ? "applied" : "ignored", reason: stored?.reason ?? null } };
  }
  const rows = await tx.pagerDutyEvent.findMany({
    where: { incidentId: current.id },
    select: { id: true, eventType: true, occurredAt: true, data: true, outcome: true, reason: true },
  });
  const events = rows.flatMap((row) => {
    const data = pagerDutyIncidentData.safeParse(row.data);
    return data.success ? [foldEventOf({ id: row.id, type: row.eventType as HandledEventType, occurredAt: row.occurredAt, data: data.data })] : [];
  });
  const folded = foldPagerDutyEvents(event.data.id, events, foldContext(mapping, now, current));
  const outcomes = folded.fields ? folded.outcomes : new Map([[event.id, { outcome: "ignored" as const, reason: folded.reason }]]);
  if (folded.fields) await writeFields(tx, current, folded.fields);
  await recordOutcomes(tx, rows as EventRow[], event.id, outcomes);
  return { kind: "applied", incident, outcome: outcomes.get(event.id) ?? { outcome: "ignored", reason: null } };
}

async function writeFields(tx: Tx, current: SourcedIncident, fields: SourcedFields): Promise<void> {
  const changes = await changedFields(tx, current.fields, fields);
  if (Object.keys(changes).length === 0) return;
  const { count } = await tx.incident.updateMany({
    where: { id: current.id, version: current.version },
    data: { ...sourcedColumns(fields), version: { increment: 1 } },
  });
  // The row is locked (FOR UPDATE) since it was read: nobody can have moved its version.
  if (count !== 1) throw new Error(`Incident ${current.reference} changed version while it was locked`);
  if (changes.services) {
    await tx.incidentService.deleteMany({ where: { incidentId: current.id } });
    await tx.incidentService.createMany({ data: fields.services.map((serviceId) => ({ incidentId: current.id, serviceId })) });
  }
  await auditVersionedUpdate(tx, PAGERDUTY_ACTOR, {
    action: "incident.update",
    entityType: "Incident",
    entityId: current.id,
    version: current.version,
    changes,
  });
  await recordIncidentEvents(tx, current.id, current.fields, fields, new Date());
}

/** Writes each event's outcome where it differs from the stored one (a new event can change earlier ones'). */
async function recordOutcomes(tx: Tx, rows: EventRow[], newEventId: string, outcomes: Map<string, EventOutcome>): Promise<void> {
  const changed = rows.filter((row) => {
    const next = outcomes.get(row.id);
    return next && (row.id === newEventId || next.outcome !== row.outcome || next.reason !== row.reason);
  });
  if (changed.length === 0) return;
  const ids = changed.map((row) => row.id);
  const kinds = changed.map((row) => outcomes.get(row.id)!.outcome);
  const reasons = changed.map((row) => outcomes.get(row.id)!.reason);
  await tx.$executeRaw`
    UPDATE pagerduty_events e SET outcome = u.outcome, reason = u.reason
    FROM unnest(${ids}::text[], ${kinds}::text[], ${reasons}::text[]) AS u(id, outcome, reason)
    WHERE e.id = u.id`;
}
