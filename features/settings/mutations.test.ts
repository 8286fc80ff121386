import { beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_APPROVAL_POLICY, isPolicyViolation, type ApprovalPolicy } from "@/lib/domain/approval-policy";
import { ForbiddenError, ValidationError } from "@/lib/errors";
import { useTestDatabase } from "@/test/database";
import { SettingsVersionConflictError, updateOrganisationSettings } from "./mutations";
import { getOrganisationSettings } from "@/lib/organisation-settings";
import { readEditableSettings } from "./reads";
import { actorOf, CHANGE_MATRIX, DEFAULT_SETTINGS_INPUT, insertChangeMatrix, matrixFlags } from "./test-fixtures";

const { db } = useTestDatabase({ poolMax: 8 });

beforeEach(async () => {
  await db.auditEvent.deleteMany();
  await db.incident.deleteMany();
  await db.organisationSettings.deleteMany();
});

const admin = actorOf("admin@example.test");
const defaults = DEFAULT_SETTINGS_INPUT;
const settingsAudits = () => db.auditEvent.findMany({ where: { action: "settings.update" }, orderBy: { id: "asc" } });

describe("updateOrganisationSettings", () => {
  it("creates the row on the first save, bumps the version and records who changed what", async () => {
    const result = await updateOrganisationSettings(db, { ...defaults, meetingLengthMinutes: 90, sloTarget: 0.9995, version: 1 }, admin);
    expect(result).toMatchObject({ version: 2, changed: true, violations: null });
    expect(await getOrganisationSettings(db)).toMatchObject({ meetingLengthMinutes: 90, sloTarget: 0.9995 });
    const [audit, ...more] = await settingsAudits();
    expect(more).toEqual([]);
    expect(audit).toMatchObject({
      actorLabel: "admin@example.test",
      entityType: "OrganisationSettings",
      entityId: "1",
      changes: { meetingLengthMinutes: { from: 60, to: 90 }, sloTarget: { from: 0.999, to: 0.9995 } },
    });
  });

  it("refuses an edit of an old version with who changed it, and writes nothing", async () => {
    await updateOrganisationSettings(db, { ...defaults, meetingWeekday: 2, version: 1 }, actorOf("first@example.test"));
    const error = await updateOrganisationSettings(db, { ...defaults, meetingLengthMinutes: 45, version: 1 }, actorOf("second@example.test")).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SettingsVersionConflictError);
    const { current } = error as SettingsVersionConflictError;
    expect(current).toMatchObject({ version: 2, values: { meetingWeekday: 2, meetingLengthMinutes: 60 }, lastChange: { by: "first@example.test" } });
    expect((error as Error).message).toContain("first@example.test");
    expect(await readEditableSettings(db)).toMatchObject({ version: 2, values: { meetingLengthMinutes: 60 } });
    expect(await settingsAudits()).toHaveLength(1);
  });

  it("lets exactly one of two saves racing on the same version through, even when the row does not exist yet", async () => {
    const results = await Promise.allSettled([
      updateOrganisationSettings(db, { ...defaults, meetingLengthMinutes: 30, version: 1 }, actorOf("a@example.test")),
      updateOrganisationSettings(db, { ...defaults, meetingLengthMinutes: 120, version: 1 }, actorOf("b@example.test")),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected");
    expect(refused?.reason).toBeInstanceOf(SettingsVersionConflictError);
    expect(await db.organisationSettings.count()).toBe(1);
    expect((await readEditableSettings(db)).version).toBe(2);
  });

  it("refuses a time zone Intl does not know, naming the field, and writes nothing", async () => {
    const error = await updateOrganisationSettings(db, { ...defaults, timeZone: "Europe/Atlantis", meetingLengthMinutes: 90, version: 1 }, admin).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect(Object.keys((error as ValidationError).fieldErrors)).toEqual(["timeZone"]);
    expect(await db.organisationSettings.count()).toBe(0);
    expect(await settingsAudits()).toEqual([]);
  });

  it("re-derives every incident's policy violation from a new policy, in the same save", async () => {
    await insertChangeMatrix(db, "INC-S", (c) => !isPolicyViolation(c)); // flags right for the default policy
    const strict: ApprovalPolicy = { JUNIOR: ["MANAGER"], MID: ["MANAGER"], SENIOR: ["MANAGER"], PRINCIPAL: ["SENIOR", "MANAGER"], UNKNOWN: ["MANAGER"] };
    const result = await updateOrganisationSettings(db, { ...defaults, approvalPolicy: strict, version: 1 }, admin);
    expect(await matrixFlags(db, "INC-S")).toEqual(CHANGE_MATRIX.map((c) => isPolicyViolation(c, strict)));
    const flagged = CHANGE_MATRIX.filter((c) => isPolicyViolation(c, strict) && !isPolicyViolation(c)).length;
    const cleared = CHANGE_MATRIX.filter((c) => !isPolicyViolation(c, strict) && isPolicyViolation(c)).length;
    expect(flagged).toBeGreaterThan(0);
    expect(cleared).toBeGreaterThan(0);
    expect(result.violations).toEqual({ flagged, cleared });
    const [audit] = await settingsAudits();
    expect(audit?.changes).toMatchObject({ approvalPolicy: { from: DEFAULT_APPROVAL_POLICY, to: strict }, policyViolations: { flagged, cleared } });
  });

  it("leaves incidents alone when the policy is unchanged, and records nothing when nothing changed", async () => {
    await insertChangeMatrix(db, "INC-S", (c) => isPolicyViolation(c)); // flags deliberately wrong
    const result = await updateOrganisationSettings(db, { ...defaults, version: 1 }, admin);
    expect(result).toMatchObject({ changed: false, version: 1, violations: null });
    expect(await matrixFlags(db, "INC-S")).toEqual(CHANGE_MATRIX.map((c) => !isPolicyViolation(c)));
    await updateOrganisationSettings(db, { ...defaults, meetingWeekday: 5, version: 1 }, admin);
    expect(await matrixFlags(db, "INC-S")).toEqual(CHANGE_MATRIX.map((c) => !isPolicyViolation(c)));
    expect(await settingsAudits()).toHaveLength(1);
  });

  it("refuses anyone below ADMIN", async () => {
    await expect(updateOrganisationSettings(db, { ...defaults, meetingLengthMinutes: 90, version: 1 }, actorOf("lead@example.test", "LEAD"))).rejects.toThrow(
      ForbiddenError,
    );
    expect(await db.organisationSettings.count()).toBe(0);
  });
});
