// An incident's fields from all of its PagerDuty events, whatever order they arrived in: the
// events are replayed in the order they occurred (occurred_at, then event id), so the same set
// of events always gives the same incident. Pure: no database, no clock but the one passed.
import { incidentRuleErrors } from "@/features/incidents/rules";
import type { HandledEventType, PagerDutySeverity } from "./schemas";

export type IncidentStatus = "INVESTIGATING" | "MITIGATED" | "RESOLVED";

/** One stored event, with what it says of the PagerDuty incident at the time it occurred. */
export type FoldEvent = {
  id: string;
  type: HandledEventType;
  occurredAt: Date;
  incident: { createdAt: Date; title: string; serviceId: string; priority: string | null };
};

/** The fields PagerDuty's events decide, unless a person edited them. */
export type SourcedFields = {
  title: string;
  severity: PagerDutySeverity;
  /** Service ids (uuid). */
  services: string[];
  startedAt: Date;
  detectedAt: Date | null;
  mitigatedAt: Date | null;
  resolvedAt: Date | null;
  status: IncidentStatus;
};

/** The field names a person's edit records; status, mitigatedAt and resolvedAt go together. */
export type FieldGroup = "title" | "severity" | "services" | "startedAt" | "detectedAt" | "status";
export const STATUS_GROUP = ["status", "mitigatedAt", "resolvedAt"] as const;

export type FoldContext = {
  priorities: Record<string, PagerDutySeverity>;
  /** The service an incident of this PagerDuty service is filed on (the mapping, else the default), or null. */
  serviceFor: (pagerDutyServiceId: string) => string | null;
  /** The incident as stored, when it exists: what a person edited is kept from it. */
  current: SourcedFields | null;
  personEditedFields: readonly string[];
  now: Date;
};

export type EventOutcome = { outcome: "applied" | "ignored"; reason: string | null };
export type FoldResult = { fields: SourcedFields; outcomes: Map<string, EventOutcome> } | { fields: null; reason: string };

const TITLE_MAX = 200;

/** PagerDuty titles have no length rule; ours do (3..200). */
export function incidentTitle(title: string, pagerDutyId: string): string {
  const trimmed = title.trim();
  if (trimmed.length < 3) return `PagerDuty incident ${pagerDutyId}`;
  return trimmed.length > TITLE_MAX ? `${trimmed.slice(0, TITLE_MAX - 1)}…` : trimmed;
}

export const byOccurrence = (a: FoldEvent, b: FoldEvent) => a.occurredAt.getTime() - b.occurredAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

const EDITED: Record<FieldGroup, string> = {
  title: "a person edited the title",
  severity: "a person edited the severity",
  services: "a person edited the services",
  startedAt: "a person edited the start time",
  detectedAt: "a person edited the detection time",
  status: "a person edited the status and mitigation",
};

function lockedGroups(personEditedFields: readonly string[]): Set<FieldGroup> {
  const locked = new Set<FieldGroup>();
  for (const field of personEditedFields) {
    if ((STATUS_GROUP as readonly string[]).includes(field)) locked.add("status");
    else if (field in EDITED) locked.add(field as FieldGroup);
  }
  return locked;
}

function ruleProblem(fields: SourcedFields, now: Date): string | null {
  const errors = incidentRuleErrors(
    { ...fields, detectedAt: fields.detectedAt ?? undefined, mitigatedAt: fields.mitigatedAt ?? undefined, resolvedAt: fields.resolvedAt ?? undefined },
    now,
  );
  const first = Object.entries(errors)[0];
  return first ? `it would break a rule: ${first[0]} ${first[1][0]}` : null;
}

/** Title, start, severity and services from the events' snapshots of the PagerDuty incident. */
function snapshotFields(events: FoldEvent[], context: FoldContext, pagerDutyId: string) {
  const latest = events.at(-1)!;
  const priority = events.map((event) => event.incident.priority).findLast((name): name is string => name !== null && Object.hasOwn(context.priorities, name));
  const service = events.map((event) => context.serviceFor(event.incident.serviceId)).findLast((id) => id !== null);
  return {
    title: incidentTitle(latest.incident.title, pagerDutyId),
    startedAt: new Date(Math.min(...events.map((event) => event.incident.createdAt.getTime()))),
    severity: priority === undefined ? null : context.priorities[priority]!,
    services: service ? [service] : null,
  };
}

/**
 * The incident the events make, and what each event did. Null fields (with the reason) when
 * the events cannot make an incident: no mapped priority, no service, or a broken rule.
 */
export function foldPagerDutyEvents(pagerDutyId: string, unsorted: FoldEvent[], context: FoldContext): FoldResult {
  const events = [...unsorted].sort(byOccurrence);
  if (events.length === 0) return { fields: null, reason: "there are no events" };
  const snapshot = snapshotFields(events, context, pagerDutyId);
  const locked = lockedGroups(context.personEditedFields);
  const current = context.current;
  const keep = <K extends keyof SourcedFields>(group: FieldGroup, field: K, value: SourcedFields[K] | null): SourcedFields[K] | null =>
    current && locked.has(group) ? current[field] : value;

  const severity = keep("severity", "severity", snapshot.severity) ?? current?.severity ?? null;
  const services = keep("services", "services", snapshot.services) ?? current?.services ?? null;
  if (!severity) return { fields: null, reason: "no event has a priority mapped to a severity" };
  if (!services) return { fields: null, reason: "the PagerDuty service is not mapped to a service, and there is no default service" };
  const state: SourcedFields = {
    title: keep("title", "title", snapshot.title)!,
    severity,
    services,
    startedAt: keep("startedAt", "startedAt", snapshot.startedAt)!,
    detectedAt: current && locked.has("detectedAt") ? current.detectedAt : null,
    mitigatedAt: current && locked.has("status") ? current.mitigatedAt : null,
    resolvedAt: current && locked.has("status") ? current.resolvedAt : null,
    status: current && locked.has("status") ? current.status : "INVESTIGATING",
  };
  const startProblem = ruleProblem(state, context.now);
  if (startProblem) return { fields: null, reason: startProblem };

  const outcomes = new Map<string, EventOutcome>();
  for (const event of events) outcomes.set(event.id, applyEvent(state, event, locked, context));
  return { fields: state, outcomes };
}

const applied: EventOutcome = { outcome: "applied", reason: null };
const ignored = (reason: string): EventOutcome => ({ outcome: "ignored", reason });

/** Applies one event to `state` in place, unless that would break a rule; what it did. */
function applyEvent(state: SourcedFields, event: FoldEvent, locked: Set<FieldGroup>, context: FoldContext): EventOutcome {
  const at = event.occurredAt;
  const tryChange = (change: Partial<SourcedFields>): EventOutcome => {
    const problem = ruleProblem({ ...state, ...change }, context.now);
    if (problem) return ignored(problem);
    Object.assign(state, change);
    return applied;
  };
  switch (event.type) {
    case "incident.triggered":
      return applied;
    case "incident.priority_updated": {
      const priority = event.incident.priority;
      if (priority === null) return ignored("the incident has no priority now; the severity stays");
      if (!Object.hasOwn(context.priorities, priority)) return ignored(`the priority ${priority} is not mapped to a severity; the severity stays`);
      return locked.has("severity") ? ignored(EDITED.severity) : applied;
    }
    case "incident.acknowledged":
      if (locked.has("detectedAt")) return ignored(EDITED.detectedAt);
      if (state.detectedAt) return ignored("an earlier acknowledgement already set the detection time");
      return tryChange({ detectedAt: at });
    case "incident.resolved":
      if (locked.has("status")) return ignored(EDITED.status);
      if (state.mitigatedAt) return ignored("an earlier resolution already set the mitigation time");
      return tryChange({ mitigatedAt: at, status: "MITIGATED" });
    case "incident.reopened":
      if (locked.has("status")) return ignored(EDITED.status);
      if (!state.mitigatedAt) return ignored("the incident was not mitigated");
      return tryChange({ mitigatedAt: null, resolvedAt: null, status: "INVESTIGATING" });
  }
}
