import { describe, expect, it } from "vitest";
import { changedFormFields, incidentConflictOf, incidentFormValuesOf, patchFromForm, rebaseFormValues } from "./edit-form";
import type { IncidentFormValues } from "./form-values";
import type { HistoryEntry } from "./history";
import { parseIncidentPatch } from "./patch";
import type { IncidentResponse } from "./reads";

const incident: IncidentResponse = {
  id: "0b8c3c55-7a59-4a43-9f44-1d6f0e7b4a11",
  reference: "INC-2026-0042",
  title: "Checkout blocked",
  summary: "Line one\nLine two",
  severity: "SEV1",
  status: "MITIGATED",
  services: ["checkout-api", "cart"],
  serviceDetails: [],
  startedAt: "2026-11-24T08:00:23.456Z",
  detectedAt: "2026-11-24T08:05:00.000Z",
  mitigatedAt: "2026-11-24T10:00:00.000Z",
  resolvedAt: null,
  impact: { usersAffected: 1200, failedTransactions: null, regions: ["us-east-1", "eu-west-1"], capabilities: [] },
  blastRadius: "MULTI_SERVICE",
  rootCause: { category: "CODE_CHANGE", description: "" },
  change: { reference: null, authorLevel: "MID", approval: "PEER" },
  ai: { involvement: "NONE", tool: null, description: null },
  version: 4,
  impactMinutes: 119,
  ttdMinutes: 4,
  ttmMinutes: 119,
  ttrMinutes: null,
  policyViolation: false,
  source: null,
  createdAt: "2026-11-24T08:10:00.000Z",
  updatedAt: "2026-11-24T10:05:00.000Z",
};

const opened = () => incidentFormValuesOf(incident, "Europe/Berlin");

describe("incidentFormValuesOf", () => {
  it("shows the incident as the form's flat text, times on the editor's clock", () => {
    expect(opened()).toMatchObject({
      startedAt: "2026-11-24T09:00",
      mitigatedAt: "2026-11-24T11:00",
      resolvedAt: "",
      "impact.usersAffected": "1200",
      "impact.failedTransactions": "",
      "impact.regions": "us-east-1, eu-west-1",
      "change.reference": "",
      "change.authorLevel": "MID",
      services: ["checkout-api", "cart"],
    });
  });
});

describe("the edit form's patch", () => {
  it("holds only the fields the user changed: line endings and service order are no change", () => {
    const posted: IncidentFormValues = { ...opened(), timeZone: "Europe/Berlin", summary: "Line one\r\nLine two", services: ["cart", "checkout-api"] };
    expect(changedFormFields(posted, opened())).toEqual([]);
    expect(patchFromForm(posted, opened())).toEqual({});
  });

  it("sends changed fields in the API's nested shape, times read in the editor's zone, cleared fields as absent values", () => {
    const posted: IncidentFormValues = {
      ...opened(),
      timeZone: "Europe/Berlin",
      status: "RESOLVED",
      resolvedAt: "2026-11-24T12:30",
      detectedAt: "",
      "impact.usersAffected": "1500",
      "ai.description": "Rewrote the retry loop\r\nand shipped it",
    };
    const patch = patchFromForm(posted, opened());
    expect(patch).toEqual({
      status: "RESOLVED",
      detectedAt: undefined,
      resolvedAt: "2026-11-24T11:30:00.000Z",
      impact: { usersAffected: 1500 },
      ai: { description: "Rewrote the retry loop\nand shipped it" },
    });
    // The start time, shown to the minute, was not touched: its seconds are not lost.
    expect(patch).not.toHaveProperty("startedAt");
    expect(Object.hasOwn(patch, "detectedAt")).toBe(true);
    const parsed = parseIncidentPatch({ version: 4, ...patch });
    expect(parsed.patch).toMatchObject({ status: "RESOLVED", detectedAt: undefined, impact: { usersAffected: 1500 } });
  });
});

describe("the edit form's empty sign-off and involvement", () => {
  it("clears them: a key sent with undefined, which the patch reads as filing's default, never as an error", () => {
    const posted: IncidentFormValues = { ...opened(), "change.approval": "", "ai.involvement": "" };
    const patch = patchFromForm(posted, { ...opened(), "change.approval": "SENIOR", "ai.involvement": "AGENT" });
    expect(patch).toEqual({ change: { approval: undefined }, ai: { involvement: undefined } });
    expect(Object.hasOwn(patch.change as object, "approval")).toBe(true);
    expect(parseIncidentPatch({ version: 4, ...patch }).patch).toEqual({ change: { approval: "NONE" }, ai: { involvement: "NONE" } });
  });
});

describe("re-applying after a conflict", () => {
  it("lays only the user's changes over the latest version, keeping the other editor's", () => {
    const latest = { ...opened(), title: "Renamed by someone else", "impact.regions": "us-east-1" };
    const posted: IncidentFormValues = { ...opened(), "impact.usersAffected": "9000", "impact.regions": "eu-west-1" };
    const rebased = rebaseFormValues(posted, opened(), latest);
    expect(rebased).toMatchObject({ title: "Renamed by someone else", "impact.usersAffected": "9000", "impact.regions": "eu-west-1" });
    // Saved against the latest version, the patch then carries the user's fields only.
    expect(Object.keys(patchFromForm(rebased, latest))).toEqual(["impact"]);
  });

  it("flattens the edits made since the user's version into rows of who changed which field", () => {
    const edits: HistoryEntry[] = [
      {
        id: "7",
        occurredAt: "2026-11-24T12:00:00.000Z",
        actorLabel: "lead@example.test",
        method: "UI",
        action: "incident.update",
        version: { from: 4, to: 5 },
        changes: [{ field: "title", from: "Checkout blocked", to: "Renamed" }],
      },
    ];
    expect(incidentConflictOf(edits, { yourVersion: 4, currentVersion: 5 }, ["title"])).toEqual({
      yourVersion: 4,
      currentVersion: 5,
      yourFields: ["title"],
      edits: [{ field: "title", from: "Checkout blocked", to: "Renamed", by: "lead@example.test", via: "UI", at: "2026-11-24T12:00:00.000Z" }],
    });
  });
});
