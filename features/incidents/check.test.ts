import { describe, expect, it } from "vitest";
import { allIncidentErrors, checkIncidentInput, incidentFormErrors } from "./check";
import type { IncidentFormValues } from "./form-values";

const now = new Date("2026-11-24T12:00:00Z");
const validInput = () => ({
  title: "Checkout down",
  severity: "SEV1",
  status: "MITIGATED",
  services: ["checkout-api"],
  startedAt: "2026-11-24T08:00:00Z",
  detectedAt: "2026-11-24T08:10:00Z",
  mitigatedAt: "2026-11-24T09:00:00Z",
  impact: { usersAffected: 10 },
  blastRadius: "SINGLE_SERVICE",
});
const formValues = (overrides: IncidentFormValues = {}): IncidentFormValues => ({
  timeZone: "UTC",
  title: "Checkout down",
  severity: "SEV1",
  status: "MITIGATED",
  services: ["checkout-api"],
  startedAt: "2026-11-24T08:00",
  detectedAt: "2026-11-24T08:10",
  mitigatedAt: "2026-11-24T09:00",
  "impact.usersAffected": "10",
  blastRadius: "SINGLE_SERVICE",
  ...overrides,
});

describe("checkIncidentInput", () => {
  it("passes a consistent incident with no errors of either kind", () => {
    const check = checkIncidentInput(validInput(), now);
    expect(check.input?.title).toBe("Checkout down");
    expect(allIncidentErrors(check)).toEqual({});
  });

  it("judges the rules between fields in the same pass as a wrong shape", () => {
    const check = checkIncidentInput({ ...validInput(), title: "x", blastRadius: "HUGE", mitigatedAt: "2026-11-24T07:00:00Z", detectedAt: undefined }, now);
    expect(check.input).toBeNull();
    expect(check.shapeErrors).toEqual({
      title: ["must be at least 3 characters"],
      blastRadius: ["must be one of SINGLE_SERVICE (Single service), MULTI_SERVICE (Multi-service), REGIONAL or SITE_WIDE (Site-wide)"],
    });
    expect(check.ruleErrors).toEqual({ mitigatedAt: ["cannot be before the impact started"] });
  });

  it("leaves a rule about an unreadable field to that field's own message", () => {
    const check = checkIncidentInput({ ...validInput(), mitigatedAt: "yesterday", status: "RESOLVED", resolvedAt: "2026-11-24T10:00:00Z" }, now);
    expect(Object.keys(check.shapeErrors)).toEqual(["mitigatedAt"]);
    expect(check.ruleErrors).toEqual({});
  });

  it("skips the rules that need the start or the status when those cannot be read", () => {
    const check = checkIncidentInput({ ...validInput(), startedAt: "soon", status: "DONE", detectedAt: "2026-11-24T11:00:00Z" }, now);
    expect(Object.keys(check.shapeErrors).sort()).toEqual(["startedAt", "status"]);
    expect(check.ruleErrors).toEqual({ mitigatedAt: ["cannot be before the incident was detected"] });
  });

  it("hands back the services when they can be read on their own, for the caller to look up", () => {
    expect(checkIncidentInput({ ...validInput(), title: "" }, now).services).toEqual(["checkout-api"]);
    expect(checkIncidentInput({ ...validInput(), services: "checkout" }, now).services).toBeNull();
  });

  it("keeps SEV1 and SEV2 as the domain writes them", () => {
    expect(checkIncidentInput({ ...validInput(), severity: "SEV3" }, now).shapeErrors.severity).toEqual(["must be SEV1 or SEV2"]);
  });
});

describe("incidentFormErrors", () => {
  it("has nothing to say about a good form", () => {
    expect(incidentFormErrors(formValues(), now)).toBeNull();
  });

  it("reports every problem at once in the form's words, choices by their labels", () => {
    const errors = incidentFormErrors(
      formValues({ title: "No", severity: "", blastRadius: "", services: [], detectedAt: "", mitigatedAt: "2026-11-24T07:30", startedAt: "2026-11-24T08:00" }),
      now,
    );
    expect(errors).toEqual({
      title: ["must be at least 3 characters"],
      severity: ["choose Sev1 or Sev2"],
      services: ["pick at least one affected service"],
      blastRadius: ["choose Single service, Multi-service, Regional or Site-wide"],
      mitigatedAt: ["cannot be before the impact started"],
    });
    expect(JSON.stringify(errors)).not.toMatch(/SINGLE_SERVICE|MULTI_SERVICE|SEV1 or SEV2/);
  });

  it("asks for a missing start time rather than for ISO 8601", () => {
    expect(incidentFormErrors(formValues({ startedAt: "" }), now)?.startedAt).toEqual(["is required: when did it happen?"]);
  });

  it("words a wrong status by its labels too", () => {
    expect(incidentFormErrors(formValues({ status: "CLOSED" }), now)?.status).toEqual(["choose Investigating, Mitigated or Resolved"]);
  });
});
