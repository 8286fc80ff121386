import { describe, expect, it } from "vitest";
import { readBlastRadius, readCount, readInstant, readList, readSeverity, readStatus } from "./values";

describe("cell readers", () => {
  it.each([
    ["SEV1", "SEV1"],
    ["sev2", "SEV2"],
    ["Sev1", "SEV1"],
    ["P1", "SEV1"],
    ["p2", "SEV2"],
    ["high", "SEV1"],
    ["Low", "SEV2"],
    ["SEV3", "SEV3"],
  ])("severity %j → %j", (cell, value) => expect(readSeverity(cell)).toBe(value));

  it.each([
    ["RESOLVED", "RESOLVED"],
    ["resolved", "RESOLVED"],
    ["triggered", "INVESTIGATING"],
    ["Acknowledged", "INVESTIGATING"],
    ["open", "INVESTIGATING"],
    ["closed", "RESOLVED"],
    ["Mitigated", "MITIGATED"],
  ])("status %j → %j", (cell, value) => expect(readStatus(cell)).toBe(value));

  it.each([
    ["SINGLE_SERVICE", "SINGLE_SERVICE"],
    ["Single service", "SINGLE_SERVICE"],
    ["multi-service", "MULTI_SERVICE"],
    ["site wide", "SITE_WIDE"],
    ["galactic", "galactic"],
  ])("blast radius %j → %j", (cell, value) => expect(readBlastRadius(cell)).toBe(value));

  it.each([
    ["2026-03-02T10:15:00.000Z", "2026-03-02T10:15:00.000Z"],
    ["2026-03-02T11:15:00+01:00", "2026-03-02T11:15:00+01:00"],
    ["2026-03-02 10:15", "2026-03-02T10:15:00Z"],
    ["2026-03-02 10:15:30 UTC", "2026-03-02T10:15:30Z"],
    ["2026-03-02T10:15:30-0500", "2026-03-02T10:15:30-05:00"],
    ["2026-03-02 9:05:00.5 +0100", "2026-03-02T09:05:00.5+01:00"],
    ["1772446500", "2026-03-02T10:15:00.000Z"],
    ["1772446500000", "2026-03-02T10:15:00.000Z"],
    ["last Tuesday", "last Tuesday"],
  ])("instant %j → %j", (cell, value) => expect(readInstant(cell)).toBe(value));

  it("reads counts with separators and lists with spaces or commas", () => {
    expect([readCount("1234"), readCount("1,234"), readCount("1 234 567"), readCount("12.5"), readCount("-3")]).toEqual([1234, 1234, 1234567, "12.5", "-3"]);
    expect(readList("eu-west-1 us-east-1,  ap-south-1")).toEqual(["eu-west-1", "us-east-1", "ap-south-1"]);
  });
});
