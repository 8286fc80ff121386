import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { NotFoundError, RuleViolationError, ValidationError } from "@/lib/errors";
import { useTestDatabase } from "@/test/database";
import { listIncidentEditsSince, listIncidentHistory } from "./history";
import { fileIncident, updateIncident } from "./mutations";
import { checkoutOutage } from "./test-input";
import { IncidentVersionConflictError } from "./version-conflict";

const { db } = useTestDatabase();
const filer: Actor = { userId: null, tokenId: null, label: "filer@example.test", method: "UI", role: "ENGINEER" };
const editor: Actor = { userId: null, tokenId: null, label: "editor-token", method: "API", role: "ENGINEER" };
const now = new Date("2026-11-24T12:00:00Z");

beforeAll(async () => {
  const team = await db.team.create({ data: { slug: "storefront", name: "Storefront" } });
  await db.service.createMany({
    data: ["checkout-api", "cart", "search"].map((slug) => ({ slug, name: slug, teamId: team.id })),
  });
});

const investigating = () => ({
  ...checkoutOutage(),
  status: "INVESTIGATING",
  detectedAt: "2026-11-24T08:10:00Z",
  impact: { usersAffected: 1000, failedTransactions: 40, regions: ["us-east-1"], capabilities: ["checkout"] },
});
const file = () => fileIncident(db, investigating(), filer, now);

/** What a refused edit must leave alone: the row, its links and the audit trail. */
const stateOf = async (id: string) => ({
  incident: await db.incident.findUniqueOrThrow({ where: { id } }),
  links: await db.incidentService.findMany({ where: { incidentId: id }, orderBy: { serviceId: "asc" } }),
  audit: await db.auditEvent.count({ where: { entityId: id } }),
});
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => new Error("expected the edit to be refused"),
    (error: unknown) => error,
  );
const updates = (id: string) => db.auditEvent.findMany({ where: { entityId: id, action: "incident.update" }, orderBy: { id: "asc" } });

describe("updateIncident", () => {
  it("applies the patch, bumps the version and audits exactly the fields that changed", async () => {
    const filed = await file();
    const updated = await updateIncident(
      db,
      filed.reference,
      { version: 1, status: "MITIGATED", mitigatedAt: "2026-11-24T09:30:00Z", impact: { usersAffected: 2500 } },
      editor,
      now,
    );
    expect(updated).toMatchObject({ version: 2, status: "MITIGATED", mitigatedAt: "2026-11-24T09:30:00.000Z", impactMinutes: 90, ttmMinutes: 90 });
    // Untouched fields, nested siblings included, are kept.
    expect(updated.impact).toEqual({ usersAffected: 2500, failedTransactions: 40, regions: ["us-east-1"], capabilities: ["checkout"] });
    expect(updated).toMatchObject({ title: filed.title, summary: filed.summary, rootCause: filed.rootCause, change: filed.change, ai: filed.ai });

    const [audit, ...more] = await updates(filed.id);
    expect(more).toHaveLength(0);
    expect(audit).toMatchObject({ method: "API", actorLabel: "editor-token", entityType: "Incident" });
    expect(audit?.changes).toEqual({
      version: { from: 1, to: 2 },
      status: { from: "INVESTIGATING", to: "MITIGATED" },
      mitigatedAt: { from: null, to: "2026-11-24T09:30:00.000Z" },
      "impact.usersAffected": { from: 1000, to: 2500 },
    });
  });

  it("refuses a stale version with the current incident, writing nothing", async () => {
    const filed = await file();
    await updateIncident(db, filed.id, { version: 1, title: "First edit wins" }, editor, now);
    const before = await stateOf(filed.id);
    const error = await failure(updateIncident(db, filed.id, { version: 1, summary: "Second edit" }, filer, now));
    expect(error).toBeInstanceOf(IncidentVersionConflictError);
    const conflict = error as IncidentVersionConflictError;
    expect(conflict).toMatchObject({ currentVersion: 2, yourVersion: 1, current: { title: "First edit wins", version: 2 } });
    expect(conflict.message).toMatch(/version 2.*version 1/);
    expect(await stateOf(filed.id)).toEqual(before);
  });

  it("checks the rules on the merged incident, naming the field, and writes nothing", async () => {
    const filed = await file();
    const before = await stateOf(filed.id);
    // Each patch is fine alone; with the stored fields it breaks a rule.
    const cases: [object, Record<string, string[]>][] = [
      [
        { mitigatedAt: "2026-11-24T08:05:00Z" },
        { mitigatedAt: ["cannot be before the incident was detected"], status: ["cannot be Investigating once a mitigation time is set"] },
      ],
      [{ status: "MITIGATED" }, { mitigatedAt: ["is required when the status is Mitigated"] }],
      [{ startedAt: "2026-11-24T08:20:00Z" }, { detectedAt: ["cannot be before the impact started"] }],
    ];
    for (const [patch, fieldErrors] of cases) {
      const error = await failure(updateIncident(db, filed.id, { version: 1, ...patch }, editor, now));
      expect(error, JSON.stringify(patch)).toBeInstanceOf(RuleViolationError);
      expect((error as RuleViolationError).fieldErrors).toEqual(fieldErrors);
    }
    expect(await stateOf(filed.id)).toEqual(before);
  });

  it("needs resolvedAt to move to RESOLVED, then resolves", async () => {
    const filed = await file();
    const mitigated = await updateIncident(db, filed.id, { version: 1, status: "MITIGATED", mitigatedAt: "2026-11-24T10:00:00Z" }, editor, now);
    const error = await failure(updateIncident(db, filed.id, { version: mitigated.version, status: "RESOLVED" }, editor, now));
    expect((error as RuleViolationError).fieldErrors).toEqual({ resolvedAt: ["is required when the status is Resolved"] });
    const resolved = await updateIncident(db, filed.id, { version: 2, status: "RESOLVED", resolvedAt: "2026-11-24T11:00:00Z" }, editor, now);
    expect(resolved).toMatchObject({ version: 3, status: "RESOLVED", ttrMinutes: 180 });
  });

  it("replaces the service links when services are given, refusing an unknown one", async () => {
    const filed = await file();
    const unknown = await failure(updateIncident(db, filed.id, { version: 1, services: ["search", "no-such"] }, editor, now));
    expect((unknown as ValidationError).fieldErrors).toEqual({ services: ["unknown service: no-such"] });
    const updated = await updateIncident(db, filed.id, { version: 1, services: ["search", "cart"] }, editor, now);
    expect([...updated.services].sort()).toEqual(["cart", "search"]);
    expect(await db.incidentService.count({ where: { incidentId: filed.id } })).toBe(2);
    expect((await updates(filed.id))[0]?.changes).toEqual({
      version: { from: 1, to: 2 },
      services: { from: ["cart", "checkout-api"], to: ["cart", "search"] },
    });
  });

  it("recomputes the policy violation from the merged change", async () => {
    const filed = await file();
    expect(filed.policyViolation).toBe(true);
    const updated = await updateIncident(db, filed.id, { version: 1, change: { approval: "SENIOR" } }, editor, now);
    expect(updated.policyViolation).toBe(false);
    expect(updated.change).toEqual({ reference: "PR-1", authorLevel: "MID", approval: "SENIOR" });
    expect((await updates(filed.id))[0]?.changes).toMatchObject({
      "change.approval": { from: "PEER", to: "SENIOR" },
      policyViolation: { from: true, to: false },
    });
  });

  it("clears an optional field sent as null", async () => {
    const filed = await file();
    const updated = await updateIncident(db, filed.id, { version: 1, detectedAt: null, ai: { tool: null } }, editor, now);
    expect(updated).toMatchObject({ detectedAt: null, ttdMinutes: null, ai: { involvement: "GENERATED", tool: null } });
  });

  it("writes nothing for a patch that changes nothing, but still wants the current version", async () => {
    const filed = await file();
    const before = await stateOf(filed.id);
    const same = await updateIncident(
      db,
      filed.id,
      { version: 1, title: filed.title, services: ["cart", "checkout-api"], impact: { regions: ["us-east-1"] } },
      editor,
      now,
    );
    expect(same.version).toBe(1);
    expect(await stateOf(filed.id)).toEqual(before);
    await updateIncident(db, filed.id, { version: 1, title: "Moved on" }, editor, now);
    expect(await failure(updateIncident(db, filed.id, { version: 1 }, editor, now))).toBeInstanceOf(IncidentVersionConflictError);
  });

  it("answers an unknown incident with NotFoundError", async () => {
    for (const id of ["INC-1999-0001", "00000000-0000-4000-8000-000000000000"]) {
      expect(await failure(updateIncident(db, id, { version: 1, title: "Nope" }, editor, now))).toBeInstanceOf(NotFoundError);
    }
  });
});

describe("incident history", () => {
  it("lists the audit trail newest first, and the edits made since a version", async () => {
    const filed = await file();
    await updateIncident(db, filed.id, { version: 1, title: "Renamed once" }, editor, now);
    await updateIncident(db, filed.id, { version: 2, severity: "SEV2", title: "Renamed twice" }, filer, now);
    const history = await listIncidentHistory(db, filed.id);
    expect(history.map((e) => [e.action, e.actorLabel, e.method, e.version])).toEqual([
      ["incident.update", "filer@example.test", "UI", { from: 2, to: 3 }],
      ["incident.update", "editor-token", "API", { from: 1, to: 2 }],
      ["incident.create", "filer@example.test", "UI", null],
    ]);
    expect(history[0]?.changes).toEqual([
      { field: "title", from: "Renamed once", to: "Renamed twice" },
      { field: "severity", from: "SEV1", to: "SEV2" },
    ]);
    expect(history[2]?.changes).toEqual([]);
    const since = await listIncidentEditsSince(db, filed.id, 2);
    expect(since.map((e) => e.version)).toEqual([{ from: 2, to: 3 }]);
    expect(await listIncidentEditsSince(db, filed.id, 3)).toEqual([]);
  });
});
