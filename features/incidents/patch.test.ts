import { describe, expect, it } from "vitest";
import { INSTANT_MESSAGE } from "@/lib/schemas";
import { ValidationError } from "@/lib/errors";
import { auditSnapshot, diffSnapshots } from "@/features/incidents/audit-snapshot";
import { mergeIncidentPatch, parseIncidentPatch } from "./patch";
import type { IncidentInput } from "./schemas";

const stored: IncidentInput = {
  title: "Checkout blocked",
  summary: "Shoppers could not pay.",
  severity: "SEV1",
  status: "MITIGATED",
  services: ["checkout-api", "cart"],
  startedAt: new Date("2026-11-24T08:00:00Z"),
  detectedAt: new Date("2026-11-24T08:05:00Z"),
  mitigatedAt: new Date("2026-11-24T10:00:00Z"),
  impact: { usersAffected: 100, failedTransactions: 7, regions: ["us-east-1"], capabilities: ["checkout"] },
  blastRadius: "MULTI_SERVICE",
  rootCause: { category: "CODE_CHANGE", description: "A retry storm." },
  change: { reference: "PR-1", authorLevel: "MID", approval: "PEER" },
  ai: { involvement: "GENERATED", tool: "Kiro" },
};

const errorsOf = (raw: unknown) => {
  try {
    parseIncidentPatch(raw);
  } catch (error) {
    if (error instanceof ValidationError) return error.fieldErrors;
    throw error;
  }
  throw new Error("expected a ValidationError");
};

describe("parseIncidentPatch", () => {
  it("keeps exactly the keys sent: a nested field alone leaves its siblings, and defaults never fill in", () => {
    const { version, patch } = parseIncidentPatch({
      version: 3,
      rootCause: { description: "  Pool exhausted. " },
      impact: { regions: ["eu-west-1", "eu-west-1"] },
    });
    expect(version).toBe(3);
    expect(patch).toEqual({ rootCause: { description: "  Pool exhausted. " }, impact: { regions: ["eu-west-1"] } });
    const merged = mergeIncidentPatch(stored, patch);
    expect(merged.rootCause).toEqual({ category: "CODE_CHANGE", description: "  Pool exhausted. " });
    expect(merged.impact).toEqual({ usersAffected: 100, failedTransactions: 7, regions: ["eu-west-1"], capabilities: ["checkout"] });
    expect(merged.summary).toBe(stored.summary);
  });

  it("parses each field as filing does (dates coerced, titles trimmed)", () => {
    const { patch } = parseIncidentPatch({ version: 1, title: "  New title ", resolvedAt: "2026-11-24T12:00:00+01:00" });
    expect(patch).toEqual({ title: "New title", resolvedAt: new Date("2026-11-24T11:00:00Z") });
  });

  it("clears optional fields sent as null, and resets defaulted ones to filing's default", () => {
    const { patch } = parseIncidentPatch({
      version: 1,
      detectedAt: null,
      summary: null,
      impact: { failedTransactions: null },
      change: { approval: null, reference: "" },
      ai: { tool: null },
    });
    expect(patch).toEqual({
      detectedAt: undefined,
      summary: "",
      impact: { failedTransactions: undefined },
      change: { approval: "NONE", reference: undefined },
      ai: { tool: undefined },
    });
    const merged = mergeIncidentPatch(stored, patch);
    expect(merged.detectedAt).toBeUndefined();
    expect(merged.change).toEqual({ reference: undefined, authorLevel: "MID", approval: "NONE" });
  });

  it("refuses field by field: no version, bad values, clearing a required field, unknown keys", () => {
    expect(errorsOf({ title: "Fine title" })).toEqual({ version: [expect.stringMatching(/version/)] });
    expect(errorsOf({ version: "2" })).toHaveProperty("version");
    expect(errorsOf({ version: 1.5 })).toHaveProperty("version");
    expect(errorsOf({ version: 1, title: null, severity: "SEV3", impact: { usersAffected: -1, bogus: 1 }, reference: "INC-1", startedAt: "soon" })).toEqual({
      title: ["cannot be cleared: every incident has one"],
      severity: ["must be SEV1 or SEV2"],
      "impact.usersAffected": ["cannot be negative"],
      "impact.bogus": ["is not a field of an incident that can be changed"],
      reference: ["is not a field of an incident that can be changed"],
      startedAt: [INSTANT_MESSAGE],
    });
    expect(errorsOf({ version: 1, services: [] })).toEqual({ services: ["pick at least one affected service"] });
    expect(errorsOf({ version: 1, impact: "lots" })).toEqual({ impact: ["must be an object of the fields to change"] });
    expect(errorsOf([1])).toEqual({ form: [expect.any(String)] });
  });
});

describe("diffSnapshots", () => {
  it("lists only the fields that really changed, nested ones by dotted path, services as a set", () => {
    const after: IncidentInput = {
      ...stored,
      services: ["cart", "checkout-api"],
      mitigatedAt: undefined,
      status: "INVESTIGATING",
      impact: { ...stored.impact, usersAffected: 250 },
    };
    expect(diffSnapshots(auditSnapshot(stored, true), auditSnapshot(after, false))).toEqual({
      status: { from: "MITIGATED", to: "INVESTIGATING" },
      mitigatedAt: { from: "2026-11-24T10:00:00.000Z", to: null },
      "impact.usersAffected": { from: 100, to: 250 },
      policyViolation: { from: true, to: false },
    });
    expect(diffSnapshots(auditSnapshot(stored, true), auditSnapshot({ ...stored }, true))).toEqual({});
  });
});
