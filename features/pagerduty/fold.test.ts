import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { foldPagerDutyEvents, incidentTitle, type FoldContext, type FoldEvent, type SourcedFields } from "./fold";
import type { HandledEventType } from "./schemas";

const created = new Date("2026-11-30T10:00:00Z");
const now = new Date("2026-12-01T00:00:00Z");
const minutes = (n: number) => new Date(created.getTime() + n * 60_000);

let counter = 0;
function event(type: HandledEventType, atMinute: number, incident: Partial<FoldEvent["incident"]> = {}): FoldEvent {
  counter += 1;
  return {
    id: `E${String(counter).padStart(4, "0")}`,
    type,
    occurredAt: minutes(atMinute),
    incident: { createdAt: created, title: "Checkout is down", serviceId: "PSVC1", priority: "P1", ...incident },
  };
}

const context = (more: Partial<FoldContext> = {}): FoldContext => ({
  priorities: { P1: "SEV1", P2: "SEV2" },
  serviceFor: (id) => (id === "PSVC1" ? "service-checkout" : null),
  current: null,
  personEditedFields: [],
  now,
  ...more,
});

const fieldsOf = (events: FoldEvent[], more: Partial<FoldContext> = {}) => {
  const result = foldPagerDutyEvents("Q1", events, context(more));
  if (!result.fields) throw new Error(result.reason);
  return result;
};

describe("foldPagerDutyEvents", () => {
  it("files from the trigger: title, severity by priority, service by mapping, start at PagerDuty's created_at, Investigating", () => {
    const { fields } = fieldsOf([event("incident.triggered", 0)]);
    expect(fields).toEqual({
      title: "Checkout is down",
      severity: "SEV1",
      services: ["service-checkout"],
      startedAt: created,
      detectedAt: null,
      mitigatedAt: null,
      resolvedAt: null,
      status: "INVESTIGATING",
    });
  });

  it("sets detection at the earliest acknowledgement and says so of the later ones", () => {
    const first = event("incident.acknowledged", 5);
    const later = event("incident.acknowledged", 9);
    const { fields, outcomes } = fieldsOf([later, event("incident.triggered", 0), first]);
    expect(fields.detectedAt).toEqual(minutes(5));
    expect(outcomes.get(first.id)).toEqual({ outcome: "applied", reason: null });
    expect(outcomes.get(later.id)).toEqual({ outcome: "ignored", reason: "an earlier acknowledgement already set the detection time" });
  });

  it("mitigates on resolve, clears it on reopen, and mitigates again on the next resolve", () => {
    const events = [event("incident.triggered", 0), event("incident.resolved", 30)];
    expect(fieldsOf(events).fields).toMatchObject({ status: "MITIGATED", mitigatedAt: minutes(30) });
    events.push(event("incident.reopened", 40));
    expect(fieldsOf(events).fields).toMatchObject({ status: "INVESTIGATING", mitigatedAt: null });
    events.push(event("incident.resolved", 55));
    expect(fieldsOf(events).fields).toMatchObject({ status: "MITIGATED", mitigatedAt: minutes(55) });
  });

  it("applies a resolve that arrived before its trigger in the order the events occurred", () => {
    const resolve = event("incident.resolved", 20);
    const trigger = event("incident.triggered", 0);
    expect(fieldsOf([resolve]).fields).toMatchObject({ startedAt: created, status: "MITIGATED", mitigatedAt: minutes(20) });
    expect(fieldsOf([resolve, trigger]).fields).toEqual(fieldsOf([trigger, resolve]).fields);
  });

  it("changes the severity on a mapped priority update, and leaves it on an unmapped one", () => {
    const up = event("incident.priority_updated", 3, { priority: "P2" });
    expect(fieldsOf([event("incident.triggered", 0), up]).fields.severity).toBe("SEV2");
    const p3 = event("incident.priority_updated", 4, { priority: "P3" });
    const result = fieldsOf([event("incident.triggered", 0), p3]);
    expect(result.fields.severity).toBe("SEV1");
    expect(result.outcomes.get(p3.id)).toEqual({ outcome: "ignored", reason: "the priority P3 is not mapped to a severity; the severity stays" });
  });

  it("keeps what a person edited and says why each event left it alone", () => {
    const current: SourcedFields = { ...fieldsOf([event("incident.triggered", 0)]).fields, severity: "SEV2", detectedAt: minutes(1) };
    const up = event("incident.priority_updated", 3, { priority: "P1" });
    const ack = event("incident.acknowledged", 4);
    const resolve = event("incident.resolved", 10);
    const { fields, outcomes } = fieldsOf([event("incident.triggered", 0), up, ack, resolve], {
      current,
      personEditedFields: ["severity", "detectedAt"],
    });
    expect(fields).toMatchObject({ severity: "SEV2", detectedAt: minutes(1), status: "MITIGATED", mitigatedAt: minutes(10) });
    expect(outcomes.get(up.id)?.reason).toBe("a person edited the severity");
    expect(outcomes.get(ack.id)?.reason).toBe("a person edited the detection time");
    expect(outcomes.get(resolve.id)?.outcome).toBe("applied");
  });

  it("treats status, mitigation and resolution as one: a person's resolution time keeps the status too", () => {
    const current: SourcedFields = {
      ...fieldsOf([event("incident.triggered", 0)]).fields,
      status: "RESOLVED",
      mitigatedAt: minutes(8),
      resolvedAt: minutes(60),
    };
    const reopen = event("incident.reopened", 70);
    const { fields, outcomes } = fieldsOf([event("incident.triggered", 0), reopen], { current, personEditedFields: ["resolvedAt"] });
    expect(fields).toMatchObject({ status: "RESOLVED", mitigatedAt: minutes(8), resolvedAt: minutes(60) });
    expect(outcomes.get(reopen.id)).toEqual({ outcome: "ignored", reason: "a person edited the status and mitigation" });
  });

  it("leaves an event out, with the rule it would break, rather than write an incident the rules refuse", () => {
    const early = event("incident.acknowledged", -5);
    const { fields, outcomes } = fieldsOf([event("incident.triggered", 0), early]);
    expect(fields.detectedAt).toBeNull();
    expect(outcomes.get(early.id)).toEqual({ outcome: "ignored", reason: "it would break a rule: detectedAt cannot be before the impact started" });
  });

  it("files nothing without a mapped priority or a service", () => {
    expect(foldPagerDutyEvents("Q1", [event("incident.triggered", 0, { priority: "P4" })], context())).toEqual({
      fields: null,
      reason: "no event has a priority mapped to a severity",
    });
    expect(foldPagerDutyEvents("Q1", [event("incident.triggered", 0, { serviceId: "POTHER" })], context()).fields).toBeNull();
  });

  it("gives one and the same incident and outcomes for any order of the same events", () => {
    const events = [
      event("incident.triggered", 0),
      event("incident.acknowledged", 3),
      event("incident.priority_updated", 4, { priority: "P2" }),
      event("incident.acknowledged", 6),
      event("incident.resolved", 20),
      event("incident.reopened", 25),
      event("incident.resolved", 31),
      // Same instant as the one before: the event id breaks the tie.
      event("incident.reopened", 31),
    ];
    const expected = fieldsOf(events);
    fc.assert(
      fc.property(fc.shuffledSubarray(events, { minLength: events.length }), (shuffled) => {
        const result = fieldsOf(shuffled);
        expect(result.fields).toEqual(expected.fields);
        expect([...result.outcomes].sort()).toEqual([...expected.outcomes].sort());
      }),
      { numRuns: 200 },
    );
  });
});

describe("incidentTitle", () => {
  it("fits PagerDuty's titles to the incident's 3..200 characters", () => {
    expect(incidentTitle("  DB down ", "Q1")).toBe("DB down");
    expect(incidentTitle("x", "Q1")).toBe("PagerDuty incident Q1");
    expect(incidentTitle("y".repeat(300), "Q1")).toHaveLength(200);
  });
});
