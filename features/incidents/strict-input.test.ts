import { describe, expect, it } from "vitest";
import { ValidationError } from "@/lib/errors";
import { fieldErrorsOf } from "@/lib/validation";
import { parseIncidentPatch } from "./patch";
import { incidentInputSchema } from "./schemas";

// What the JSON API takes for an incident: ISO 8601 instants with an offset, counts as JSON
// numbers, text PostgreSQL can store, no field it does not know. Nothing is coerced.
const valid = {
  title: "Checkout returns 502",
  severity: "SEV1",
  status: "MITIGATED",
  services: ["checkout"],
  startedAt: "2026-03-03T10:00:00Z",
  mitigatedAt: "2026-03-03T11:00:00Z",
  impact: { usersAffected: 22_816, regions: ["us-east-1"] },
  blastRadius: "SINGLE_SERVICE",
};

const errorsOf = (input: unknown) => {
  const parsed = incidentInputSchema.safeParse(input);
  return parsed.success ? {} : fieldErrorsOf(parsed.error);
};
const withImpact = (impact: Record<string, unknown>) => ({ ...valid, impact: { ...valid.impact, ...impact } });

describe("filing over the JSON API", () => {
  it("takes a well-formed incident", () => expect(errorsOf(valid)).toEqual({}));

  it.each([
    null,
    true,
    "12",
    [1],
    1772532000000,
    "2026-02-30T10:00:00Z",
    "2026-03-03",
    "2026-03-03T10:00:00",
    "0000-01-01T00:00:00Z",
    "-002026-03-03T10:00:00Z",
    "1969-12-31T23:59:59Z",
    "2100-01-01T00:00:00Z",
  ])("refuses startedAt %j naming the field", (startedAt) => expect(Object.keys(errorsOf({ ...valid, startedAt }))).toEqual(["startedAt"]));

  it.each([null, "", [], false, true, [5], "0x10", "1e3", "12", 1.5, -1, 2_147_483_648, Number.MAX_SAFE_INTEGER])(
    "refuses usersAffected %j naming the field",
    (usersAffected) => {
      expect(Object.keys(errorsOf(withImpact({ usersAffected })))).toEqual(["impact.usersAffected"]);
    },
  );

  it("takes the largest count PostgreSQL stores, and refuses one more in failedTransactions too", () => {
    expect(errorsOf(withImpact({ usersAffected: 2_147_483_647, failedTransactions: 2_147_483_647 }))).toEqual({});
    expect(Object.keys(errorsOf(withImpact({ failedTransactions: 2_147_483_648 })))).toEqual(["impact.failedTransactions"]);
    expect(Object.keys(errorsOf(withImpact({ failedTransactions: "7" })))).toEqual(["impact.failedTransactions"]);
  });

  it.each([
    ["title", { title: "Checkout \u0000 down" }],
    ["summary", { summary: "half a pair \uD83D here" }],
    ["impact.regions", withImpact({ regions: ["us-east-1\u0000"] })],
    ["impact.capabilities", withImpact({ capabilities: ["\uDE00checkout"] })],
    ["rootCause.description", { rootCause: { category: "CODE_CHANGE", description: "a\u0000b" } }],
    ["ai.tool", { ai: { involvement: "ASSISTED", tool: "Co\u0000pilot" } }],
    ["services", { services: ["check\u0000out"] }],
  ])("refuses text PostgreSQL cannot store in %s", (field, input) => {
    expect(Object.keys(errorsOf({ ...valid, ...input }))).toEqual([field]);
  });

  it("does not count invisible characters towards a title's three", () => {
    expect(Object.keys(errorsOf({ ...valid, title: "\u200B\u200B\u200B\u200B" }))).toEqual(["title"]);
    expect(Object.keys(errorsOf({ ...valid, title: "a\u200Db\u2060\uFEFF" }))).toEqual(["title"]);
    expect(errorsOf({ ...valid, title: "CDN" })).toEqual({});
  });

  it("refuses a field it does not know, at the top or in a group, naming it", () => {
    expect(errorsOf({ ...valid, severty: "SEV1" })).toEqual({ severty: ["is not a known field"] });
    expect(errorsOf(withImpact({ users: 5 }))).toEqual({ "impact.users": ["is not a known field"] });
    expect(errorsOf({ ...valid, ai: { involvement: "NONE", model: "x" } })).toEqual({ "ai.model": ["is not a known field"] });
  });
});

describe("editing over the JSON API", () => {
  const fieldsOf = (raw: unknown) => {
    try {
      parseIncidentPatch(raw);
      return [];
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return Object.keys(error.fieldErrors).sort();
    }
  };

  it.each(["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf"])("refuses the inherited key %s at the top and inside each group", (key) => {
    expect(fieldsOf(JSON.parse(`{ "version": 1, "${key}": 1 }`))).toEqual([key]);
    for (const group of ["impact", "ai", "change", "rootCause"]) {
      expect(fieldsOf(JSON.parse(`{ "version": 1, "${group}": { "${key}": 1 } }`))).toEqual([`${group}.${key}`]);
    }
  });

  it("refuses coerced values as filing does", () => {
    expect(fieldsOf({ version: 1, startedAt: "12" })).toEqual(["startedAt"]);
    expect(fieldsOf({ version: 1, impact: { usersAffected: "5" } })).toEqual(["impact.usersAffected"]);
    expect(fieldsOf({ version: "1" })).toEqual(["version"]);
  });
});
