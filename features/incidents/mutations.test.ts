import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { RuleViolationError, ValidationError } from "@/lib/errors";
import { useTestDatabase } from "@/test/database";
import { fileIncident } from "./mutations";
import { findIncident, listIncidentPage } from "./reads";
import { checkoutOutage } from "./test-input";

const { db } = useTestDatabase();
const actor: Actor = { userId: null, tokenId: null, label: "cli@example.test", method: "CLI", role: "ENGINEER" };
const now = new Date("2026-11-24T12:00:00Z");

beforeAll(async () => {
  const team = await db.team.create({ data: { slug: "storefront", name: "Storefront" } });
  await db.service.createMany({
    data: [
      { slug: "checkout-api", name: "Checkout API", teamId: team.id },
      { slug: "cart", name: "Cart", teamId: team.id },
    ],
  });
});

const validInput = () => ({
  ...checkoutOutage(),
  status: "RESOLVED",
  detectedAt: "2026-11-24T08:07:30Z",
  mitigatedAt: "2026-11-24T10:00:00Z",
  resolvedAt: "2026-11-24T11:00:00Z",
  impact: { usersAffected: 22150, failedTransactions: 4810, regions: ["us-east-1"], capabilities: ["checkout"] },
});

const counts = async () => ({
  incidents: await db.incident.count(),
  links: await db.incidentService.count(),
  audit: await db.auditEvent.count(),
});

describe("fileIncident", () => {
  it("writes the incident, its services and its audit event, and returns the derived fields", async () => {
    const input = { ...validInput(), mitigatedAt: "2026-11-24T14:00:00+04:00" }; // = 10:00Z
    const incident = await fileIncident(db, input, actor, now);
    expect(incident.reference).toMatch(/^INC-2026-\d{4}$/);
    expect(incident.version).toBe(1);
    expect(incident.services).toEqual(["checkout-api", "cart"]);
    // 08:00 → 10:00 is 120 min of impact; detected after 7.5 min, rounded down to 7.
    expect(incident).toMatchObject({ impactMinutes: 120, ttdMinutes: 7, ttmMinutes: 120, ttrMinutes: 180 });
    // AI-generated change by a mid-level engineer with only peer sign-off.
    expect(incident.policyViolation).toBe(true);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: incident.id } });
    expect(audit).toMatchObject({ action: "incident.create", method: "CLI", actorLabel: "cli@example.test", entityType: "Incident" });
    expect(await findIncident(db, incident.reference.toLowerCase(), now)).toMatchObject({ id: incident.id });
  });

  it("hands out a new reference every time, never reusing one, even for concurrent filings", async () => {
    const input = { ...validInput(), mitigatedAt: "2026-11-24T10:00:00Z" };
    const filed = await Promise.all(Array.from({ length: 8 }, () => fileIncident(db, input, actor, now)));
    const references = filed.map((i) => i.reference);
    expect(new Set(references).size).toBe(8);
    await db.incident.delete({ where: { id: filed[7]!.id } });
    const next = await fileIncident(db, input, actor, now);
    expect(references).not.toContain(next.reference);
    expect(next.reference > references.sort().at(-1)!).toBe(true);
  });

  it("does not flag a change without AI involvement, nor one with the sign-off the policy asks", async () => {
    const noAi = await fileIncident(db, { ...validInput(), mitigatedAt: "2026-11-24T10:00:00Z", ai: { involvement: "NONE" } }, actor, now);
    expect(noAi.policyViolation).toBe(false);
    const signedOff = await fileIncident(
      db,
      { ...validInput(), mitigatedAt: "2026-11-24T10:00:00Z", change: { authorLevel: "MID", approval: "SENIOR" } },
      actor,
      now,
    );
    expect(signedOff.policyViolation).toBe(false);
  });

  it("refuses input of the wrong shape field by field, and writes nothing", async () => {
    const before = await counts();
    const bad = { ...validInput(), title: "x", severity: "SEV3", impact: { usersAffected: -1 }, services: [] };
    const error = await fileIncident(db, bad, actor, now).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors).toMatchObject({
      title: ["must be at least 3 characters"],
      severity: ["must be SEV1 or SEV2"],
      "impact.usersAffected": ["cannot be negative"],
      services: ["pick at least one affected service"],
    });
    expect(await counts()).toEqual(before);
  });

  it("refuses an unknown service by name, and writes nothing", async () => {
    const before = await counts();
    const error = await fileIncident(db, { ...validInput(), mitigatedAt: "2026-11-24T10:00:00Z", services: ["cart", "no-such"] }, actor, now).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors).toEqual({ services: ["unknown service: no-such"] });
    expect(await counts()).toEqual(before);
  });

  it("refuses broken rules between fields on the field that breaks them, and writes nothing", async () => {
    const before = await counts();
    const error = await fileIncident(db, { ...validInput(), mitigatedAt: "2026-11-24T07:00:00Z" }, actor, now).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RuleViolationError);
    expect((error as RuleViolationError).fieldErrors).toEqual({ mitigatedAt: ["cannot be before the incident was detected"] });
    expect(await counts()).toEqual(before);
  });
});

describe("listIncidentPage", () => {
  it("pages newest first by keyset, each row once, forwards and back", async () => {
    const total = await db.incident.count();
    const seen: string[] = [];
    let page = await listIncidentPage(db, { pageSize: 3 });
    const firstPageIds = page.items.map((i) => i.id);
    seen.push(...firstPageIds);
    while (page.nextCursor) {
      page = await listIncidentPage(db, { pageSize: 3, after: page.nextCursor });
      seen.push(...page.items.map((i) => i.id));
    }
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    const all = await db.incident.findMany({ orderBy: [{ startedAt: "desc" }, { id: "desc" }], select: { id: true } });
    expect(seen).toEqual(all.map((r) => r.id));

    const second = await listIncidentPage(db, { pageSize: 3, after: (await listIncidentPage(db, { pageSize: 3 })).nextCursor });
    const backToFirst = await listIncidentPage(db, { pageSize: 3, before: second.previousCursor });
    expect(backToFirst.items.map((i) => i.id)).toEqual(firstPageIds);
    expect(backToFirst.previousCursor).toBeNull();
  });

  it("ignores a cursor that is not one", async () => {
    const page = await listIncidentPage(db, { pageSize: 2, after: "garbage" });
    expect(page.items).toHaveLength(2);
  });
});

describe("fileIncident while the cause is not yet known", () => {
  it("accepts an incident without a root cause and records it as UNKNOWN", async () => {
    const withoutRootCause: Record<string, unknown> = { ...validInput(), status: "INVESTIGATING", mitigatedAt: undefined, resolvedAt: undefined };
    delete withoutRootCause.rootCause;
    const incident = await fileIncident(db, withoutRootCause, actor, now);
    expect(incident.rootCause).toEqual({ category: "UNKNOWN", description: "" });
  });
});
