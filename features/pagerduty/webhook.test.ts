import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { UnauthenticatedError, ValidationError } from "@/lib/errors";
import { PayloadTooLargeError } from "@/lib/http/problem";
import { useTestDatabase } from "@/test/database";
import { updateIncident } from "@/features/incidents/mutations";
import { findIncident, listIncidentPage } from "@/features/incidents/reads";
import { receivePagerDutyWebhook } from "./mutations";
import { listPagerDutyEvents, listPersonEditedFields } from "./reads";
import { seedPagerDuty, signed, TEST_SECRET, webhookBody, writtenRows, type TestEvent } from "./test-fixtures";
import { signatureHeaderFor } from "./signature";

const { db } = useTestDatabase({ seed: (db) => seedPagerDuty(db) });
const engineer: Actor = { userId: null, tokenId: null, label: "oncall@example.test", method: "UI", role: "ENGINEER" };
const now = new Date("2026-12-01T12:00:00Z");

let sequence = 0;
/** An event of PagerDuty incident `pagerDutyId`, created at 10:00 that day, occurring `minute` minutes later. */
function pd(pagerDutyId: string, type: string, minute: number, more: Partial<TestEvent> = {}): TestEvent {
  sequence += 1;
  const at = (m: number) => new Date(Date.UTC(2026, 11, 1, 10, m)).toISOString();
  return { id: `01EVT${String(sequence).padStart(6, "0")}`, type, pagerDutyId, occurredAt: at(minute), createdAt: at(0), ...more };
}
const deliver = (event: TestEvent) => {
  const { body, signature } = signed(event);
  return receivePagerDutyWebhook(db, body, signature, now);
};
const incidentOf = async (pagerDutyId: string) => {
  const page = await listIncidentPage(db, { filters: { source: { system: "pagerduty", id: pagerDutyId } }, now });
  expect(page.items.length).toBeLessThanOrEqual(1);
  return page.items[0] ?? null;
};
const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => new Error("expected a refusal"),
    (error: unknown) => error,
  );

describe("receivePagerDutyWebhook: what is refused writes nothing", () => {
  it("401 for a missing, wrong or rotated-out signature, before the body is even read", async () => {
    const before = await writtenRows(db);
    const body = webhookBody(pd("QAUTH", "incident.triggered", 0));
    expect(await refusal(receivePagerDutyWebhook(db, body, null, now))).toBeInstanceOf(UnauthenticatedError);
    expect(await refusal(receivePagerDutyWebhook(db, body, signatureHeaderFor(body, ["not-our-secret"]), now))).toBeInstanceOf(UnauthenticatedError);
    const altered = body.replace("Checkout", "Checkouts");
    expect(await refusal(receivePagerDutyWebhook(db, altered, signatureHeaderFor(body, [TEST_SECRET]), now))).toBeInstanceOf(UnauthenticatedError);
    // Not even a malformed body is looked at without a good signature.
    expect(await refusal(receivePagerDutyWebhook(db, "{not json", "v1=00", now))).toBeInstanceOf(UnauthenticatedError);
    expect(await writtenRows(db)).toEqual(before);
  });

  it("400 naming the field for a signed but malformed body, 413 for an oversized one", async () => {
    const body = JSON.stringify({ event: { id: "01BAD", event_type: "incident.triggered", resource_type: "incident", occurred_at: "yesterday", data: {} } });
    const error = await refusal(receivePagerDutyWebhook(db, body, signatureHeaderFor(body, [TEST_SECRET]), now));
    expect(error).toBeInstanceOf(ValidationError);
    expect(Object.keys((error as ValidationError).fieldErrors)).toEqual(["event.occurred_at"]);
    const noData = body.replace('"yesterday"', '"2026-12-01T10:00:00Z"');
    const dataError = await refusal(receivePagerDutyWebhook(db, noData, signatureHeaderFor(noData, [TEST_SECRET]), now));
    expect(Object.keys((dataError as ValidationError).fieldErrors)).toEqual(
      expect.arrayContaining(["event.data.id", "event.data.created_at", "event.data.service"]),
    );
    const huge = JSON.stringify({ padding: "x".repeat(600 * 1024) });
    expect(await refusal(receivePagerDutyWebhook(db, huge, signatureHeaderFor(huge, [TEST_SECRET]), now))).toBeInstanceOf(PayloadTooLargeError);
  });

  it("202 with the reason, nothing written, for an unhandled type, an unmapped priority or service, or no priority", async () => {
    const before = await writtenRows(db);
    const answers = await Promise.all([
      deliver(pd("Q202A", "incident.annotated", 1)),
      deliver(pd("Q202B", "incident.triggered", 0, { priority: "P3" })),
      deliver(pd("Q202C", "incident.triggered", 0, { service: "PUNKNOWN" })),
      deliver(pd("Q202D", "incident.triggered", 0, { priority: null })),
    ]);
    expect(answers.map((a) => [a.status, a.outcome, a.reason])).toEqual([
      [202, "ignored", "events of type incident.annotated are not handled"],
      [202, "ignored", "the priority P3 is not mapped to a severity"],
      [202, "ignored", "the PagerDuty service PUNKNOWN is not mapped to a service, and there is no default service"],
      [202, "ignored", "the incident has no priority, and only mapped priorities file incidents"],
    ]);
    expect(await writtenRows(db)).toEqual(before);
  });
});

describe("receivePagerDutyWebhook: events make the incident", () => {
  it("files the incident from the first mapped event, as PagerDuty, with its source", async () => {
    const answer = await deliver(pd("QFILE", "incident.triggered", 0, { title: "Payments failing" }));
    expect(answer).toMatchObject({ status: 200, outcome: "applied", reason: null, created: true, duplicate: false });
    const incident = await findIncident(db, answer.incident!.id, now);
    expect(incident).toMatchObject({
      reference: expect.stringMatching(/^INC-2026-\d{4}$/),
      title: "Payments failing",
      severity: "SEV1",
      status: "INVESTIGATING",
      services: ["checkout-api"],
      startedAt: "2026-12-01T10:00:00.000Z",
      detectedAt: null,
      blastRadius: "SINGLE_SERVICE",
      source: { system: "pagerduty", id: "QFILE", url: "https://acme.pagerduty.com/incidents/QFILE" },
    });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: incident!.id, action: "incident.create" } });
    expect(audit).toMatchObject({ actorLabel: "PagerDuty", actorUserId: null, method: "SYSTEM" });
  });

  it("acknowledge sets detection, resolve mitigates, reopen clears it, a priority update changes the severity", async () => {
    await deliver(pd("QFLOW", "incident.triggered", 0));
    await deliver(pd("QFLOW", "incident.acknowledged", 4));
    expect(await incidentOf("QFLOW")).toMatchObject({ detectedAt: "2026-12-01T10:04:00.000Z", status: "INVESTIGATING" });
    const lateAck = await deliver(pd("QFLOW", "incident.acknowledged", 7));
    expect(lateAck).toMatchObject({ status: 200, outcome: "ignored", reason: "an earlier acknowledgement already set the detection time" });
    await deliver(pd("QFLOW", "incident.resolved", 30));
    expect(await incidentOf("QFLOW")).toMatchObject({ status: "MITIGATED", mitigatedAt: "2026-12-01T10:30:00.000Z" });
    await deliver(pd("QFLOW", "incident.reopened", 35));
    expect(await incidentOf("QFLOW")).toMatchObject({ status: "INVESTIGATING", mitigatedAt: null, detectedAt: "2026-12-01T10:04:00.000Z" });
    await deliver(pd("QFLOW", "incident.priority_updated", 36, { priority: "P2" }));
    const incident = await incidentOf("QFLOW");
    expect(incident).toMatchObject({ severity: "SEV2", version: 5 });
    const events = await listPagerDutyEvents(db, incident!.id);
    expect(events.map((e) => [e.type, e.outcome])).toEqual([
      ["incident.priority_updated", "applied"],
      ["incident.reopened", "applied"],
      ["incident.resolved", "applied"],
      ["incident.acknowledged", "ignored"],
      ["incident.acknowledged", "applied"],
      ["incident.triggered", "applied"],
    ]);
    const audits = await db.auditEvent.findMany({ where: { entityId: incident!.id, action: "incident.update" }, orderBy: { id: "asc" } });
    expect(audits.map((a) => a.actorLabel)).toEqual(["PagerDuty", "PagerDuty", "PagerDuty", "PagerDuty"]);
  });

  it("stores a redelivered event once and answers it as a duplicate", async () => {
    const trigger = pd("QDUP", "incident.triggered", 0);
    await deliver(trigger);
    const rows = await writtenRows(db);
    expect(await deliver(trigger)).toMatchObject({ status: 200, duplicate: true, created: false, outcome: "applied" });
    expect(await writtenRows(db)).toEqual(rows);
  });

  it("a resolve that arrives before its trigger files the incident mitigated; the late trigger changes nothing", async () => {
    const resolve = await deliver(pd("QLATE", "incident.resolved", 20, { priority: "P2" }));
    expect(resolve).toMatchObject({ status: 200, created: true });
    const filed = await incidentOf("QLATE");
    expect(filed).toMatchObject({ severity: "SEV2", status: "MITIGATED", startedAt: "2026-12-01T10:00:00.000Z", mitigatedAt: "2026-12-01T10:20:00.000Z" });
    await deliver(pd("QLATE", "incident.acknowledged", 2, { priority: "P2" }));
    await deliver(pd("QLATE", "incident.triggered", 0, { priority: "P2" }));
    expect(await incidentOf("QLATE")).toMatchObject({ status: "MITIGATED", mitigatedAt: "2026-12-01T10:20:00.000Z", detectedAt: "2026-12-01T10:02:00.000Z" });
  });

  it("files on the default service when the PagerDuty service is not mapped", async () => {
    await db.pagerDutySettings.update({ where: { id: 1 }, data: { defaultServiceId: (await db.service.findUniqueOrThrow({ where: { slug: "search" } })).id } });
    try {
      await deliver(pd("QDEFAULT", "incident.triggered", 0, { service: "PELSEWHERE" }));
      expect(await incidentOf("QDEFAULT")).toMatchObject({ services: ["search"] });
    } finally {
      await db.pagerDutySettings.update({ where: { id: 1 }, data: { defaultServiceId: null } });
    }
  });
});

describe("a person's edit wins over later events", () => {
  it("keeps the severity and mitigation a person set through the incident edit, and says so on the events", async () => {
    await deliver(pd("QEDIT", "incident.triggered", 0));
    const filed = (await incidentOf("QEDIT"))!;
    const edited = await updateIncident(
      db,
      filed.reference,
      { version: filed.version, severity: "SEV2", status: "MITIGATED", mitigatedAt: "2026-12-01T10:15:00Z" },
      engineer,
      now,
    );
    expect(edited).toMatchObject({ severity: "SEV2", status: "MITIGATED" });
    expect(await listPersonEditedFields(db, filed.id)).toEqual(["mitigatedAt", "resolvedAt", "severity", "status"]);

    const bump = await deliver(pd("QEDIT", "incident.priority_updated", 20, { priority: "P1" }));
    const reopen = await deliver(pd("QEDIT", "incident.reopened", 25));
    const ack = await deliver(pd("QEDIT", "incident.acknowledged", 3));
    expect(bump).toMatchObject({ outcome: "ignored", reason: "a person edited the severity" });
    expect(reopen).toMatchObject({ outcome: "ignored", reason: "a person edited the status and mitigation" });
    expect(ack).toMatchObject({ outcome: "applied" });
    expect(await incidentOf("QEDIT")).toMatchObject({
      severity: "SEV2",
      status: "MITIGATED",
      mitigatedAt: "2026-12-01T10:15:00.000Z",
      detectedAt: "2026-12-01T10:03:00.000Z",
    });
  });

  it("records nothing as person-edited on an incident a person filed", async () => {
    const { fileIncident } = await import("@/features/incidents/mutations");
    const own = await fileIncident(
      db,
      {
        title: "Search slow",
        severity: "SEV2",
        status: "INVESTIGATING",
        services: ["search"],
        startedAt: "2026-12-01T09:00:00Z",
        impact: { usersAffected: 1 },
        blastRadius: "SINGLE_SERVICE",
      },
      engineer,
      now,
    );
    await updateIncident(db, own.id, { version: own.version, severity: "SEV1" }, engineer, now);
    expect(await db.incident.findUniqueOrThrow({ where: { id: own.id }, select: { personEditedFields: true } })).toEqual({ personEditedFields: [] });
  });
});
