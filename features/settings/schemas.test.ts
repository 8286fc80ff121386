import { describe, expect, it } from "vitest";
import { DEFAULT_APPROVAL_POLICY } from "@/lib/domain/approval-policy";
import { fieldErrorsOf } from "@/lib/validation";
import { readSettingsForm, settingsFormValuesOf, settingsInputOf } from "./form-values";
import { updateSettingsSchema } from "./schemas";
import { DEFAULT_SETTINGS_INPUT } from "./test-fixtures";

const valid = { ...DEFAULT_SETTINGS_INPUT, timeZone: "Europe/London", version: 1 };

const errorsOf = (input: unknown) => {
  const parsed = updateSettingsSchema.safeParse(input);
  return parsed.success ? {} : fieldErrorsOf(parsed.error);
};

describe("updateSettingsSchema", () => {
  it("accepts the defaults of the specification and a named zone", () => {
    expect(errorsOf(valid)).toEqual({});
    expect(errorsOf({ ...valid, timeZone: "UTC" })).toEqual({});
    expect(errorsOf({ ...valid, timeZone: "America/Los_Angeles" })).toEqual({});
  });

  it("refuses a zone Intl does not know, naming the field", () => {
    for (const timeZone of ["Mars/Olympus_Mons", "", "GMT+25", "europe/london "]) {
      expect(Object.keys(errorsOf({ ...valid, timeZone }))).toEqual(["timeZone"]);
    }
    expect(errorsOf({ ...valid, timeZone: "Atlantis/Capital" }).timeZone?.[0]).toMatch(/IANA time zone/);
  });

  it.each([
    ["meetingWeekday", 0],
    ["meetingWeekday", 8],
    ["meetingWeekday", 2.5],
    ["meetingLengthMinutes", 14],
    ["meetingLengthMinutes", 481],
    ["meetingLengthMinutes", "sixty"],
    ["sloTarget", 0.89],
    ["sloTarget", 1],
    ["sloTarget", 99.9],
  ])("refuses %s = %j, naming only that field", (field, value) => {
    expect(Object.keys(errorsOf({ ...valid, [field]: value }))).toEqual([field]);
  });

  it("accepts the bounds: 15 and 480 minutes, 90 % and just under 100 %", () => {
    expect(errorsOf({ ...valid, meetingLengthMinutes: 15, sloTarget: 0.9 })).toEqual({});
    expect(errorsOf({ ...valid, meetingLengthMinutes: 480, sloTarget: 0.99999 })).toEqual({});
  });

  it("needs every author level in the policy and only known approvals, and stores them in a fixed order", () => {
    const withoutUnknown = Object.fromEntries(Object.entries(DEFAULT_APPROVAL_POLICY).filter(([level]) => level !== "UNKNOWN"));
    expect(Object.keys(errorsOf({ ...valid, approvalPolicy: withoutUnknown }))).toEqual(["approvalPolicy.UNKNOWN"]);
    expect(Object.keys(errorsOf({ ...valid, approvalPolicy: { ...DEFAULT_APPROVAL_POLICY, MID: ["CEO"] } }))).toEqual(["approvalPolicy.MID"]);
    const parsed = updateSettingsSchema.parse({ ...valid, approvalPolicy: { ...DEFAULT_APPROVAL_POLICY, JUNIOR: ["MANAGER", "PEER", "MANAGER"] } });
    expect(parsed.approvalPolicy.JUNIOR).toEqual(["PEER", "MANAGER"]);
  });
});

describe("the settings form", () => {
  it("turns a percentage into the stored fraction without floating-point noise, and back", () => {
    const form = new FormData();
    for (const [name, value] of Object.entries({ timeZone: " Asia/Tokyo ", meetingWeekday: "2", meetingLengthMinutes: "90", sloTargetPercent: "99.9" }))
      form.set(name, value);
    form.append("policy.SENIOR", "MANAGER");
    form.append("policy.SENIOR", "SENIOR");
    form.append("policy.MID", "OWNER");
    const input = settingsInputOf(readSettingsForm(form), "4");
    expect(input).toMatchObject({ timeZone: "Asia/Tokyo", meetingWeekday: 2, meetingLengthMinutes: 90, sloTarget: 0.999, version: 4 });
    expect(input.approvalPolicy).toEqual({ JUNIOR: [], MID: [], SENIOR: ["MANAGER", "SENIOR"], PRINCIPAL: [], UNKNOWN: [] });
    expect(settingsFormValuesOf(updateSettingsSchema.parse(input)).sloTargetPercent).toBe("99.9");
    expect(settingsFormValuesOf({ ...valid, sloTarget: 0.9995 }).sloTargetPercent).toBe("99.95");
  });

  it("leaves empty fields as text, so the schema names them instead of reading zero", () => {
    const input = settingsInputOf(readSettingsForm(new FormData()), "");
    expect(Object.keys(errorsOf(input)).sort()).toEqual(["meetingLengthMinutes", "meetingWeekday", "sloTarget", "timeZone", "version"]);
  });
});
