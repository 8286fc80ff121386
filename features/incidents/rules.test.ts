import { describe, expect, it } from "vitest";
import { CLOCK_SKEW_MS, incidentRuleErrors } from "./rules";

const now = new Date("2026-11-24T12:00:00Z");
const at = (hhmm: string) => new Date(`2026-11-24T${hhmm}:00Z`);
const base = { status: "INVESTIGATING" as const, startedAt: at("10:00") };

describe("incidentRuleErrors", () => {
  it("accepts a consistent incident in each status", () => {
    expect(incidentRuleErrors({ ...base, detectedAt: at("10:05") }, now)).toEqual({});
    expect(incidentRuleErrors({ ...base, status: "MITIGATED", detectedAt: at("10:05"), mitigatedAt: at("11:00") }, now)).toEqual({});
    expect(incidentRuleErrors({ ...base, status: "RESOLVED", detectedAt: at("10:05"), mitigatedAt: at("11:00"), resolvedAt: at("11:30") }, now)).toEqual({});
  });

  it("accepts equal timestamps (detected the moment it started)", () => {
    expect(incidentRuleErrors({ ...base, status: "RESOLVED", detectedAt: at("10:00"), mitigatedAt: at("10:00"), resolvedAt: at("10:00") }, now)).toEqual({});
  });

  it("refuses instants in the future beyond the clock skew, on the field concerned", () => {
    const justInside = new Date(now.getTime() + CLOCK_SKEW_MS);
    const beyond = new Date(now.getTime() + CLOCK_SKEW_MS + 1);
    expect(incidentRuleErrors({ ...base, startedAt: justInside }, now)).toEqual({});
    expect(incidentRuleErrors({ ...base, startedAt: beyond }, now)).toEqual({ startedAt: ["cannot be in the future"] });
    expect(incidentRuleErrors({ ...base, status: "MITIGATED", mitigatedAt: beyond }, now).mitigatedAt).toEqual(["cannot be in the future"]);
  });

  it("keeps the timestamps in order: started ≤ detected ≤ mitigated ≤ resolved", () => {
    expect(incidentRuleErrors({ ...base, detectedAt: at("09:59") }, now)).toEqual({ detectedAt: ["cannot be before the impact started"] });
    expect(incidentRuleErrors({ ...base, status: "MITIGATED", detectedAt: at("10:30"), mitigatedAt: at("10:20") }, now)).toEqual({
      mitigatedAt: ["cannot be before the incident was detected"],
    });
    expect(incidentRuleErrors({ ...base, status: "MITIGATED", mitigatedAt: at("09:00") }, now)).toEqual({
      mitigatedAt: ["cannot be before the impact started"],
    });
    expect(incidentRuleErrors({ ...base, status: "RESOLVED", mitigatedAt: at("11:00"), resolvedAt: at("10:30") }, now)).toEqual({
      resolvedAt: ["cannot be before the impact was mitigated"],
    });
  });

  it("makes the status agree with the timestamps", () => {
    expect(incidentRuleErrors({ ...base, mitigatedAt: at("11:00") }, now)).toEqual({ status: ["cannot be Investigating once a mitigation time is set"] });
    expect(incidentRuleErrors({ ...base, status: "MITIGATED" }, now)).toEqual({ mitigatedAt: ["is required when the status is Mitigated"] });
    expect(incidentRuleErrors({ ...base, status: "MITIGATED", mitigatedAt: at("11:00"), resolvedAt: at("11:30") }, now)).toEqual({
      status: ["must be Resolved once a resolution time is set"],
    });
    expect(incidentRuleErrors({ ...base, status: "RESOLVED", mitigatedAt: at("11:00") }, now)).toEqual({
      resolvedAt: ["is required when the status is Resolved"],
    });
    expect(incidentRuleErrors({ ...base, status: "RESOLVED" }, now)).toEqual({
      mitigatedAt: ["is required when the status is Resolved"],
      resolvedAt: ["is required when the status is Resolved"],
    });
  });

  it("asks for the mitigation time when only a resolution time is given", () => {
    expect(incidentRuleErrors({ ...base, status: "RESOLVED", resolvedAt: at("11:00") }, now)).toEqual({
      mitigatedAt: ["is required once the incident is resolved"],
    });
  });
});
