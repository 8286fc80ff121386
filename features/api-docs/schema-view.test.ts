import { describe, expect, it } from "vitest";
import type { JsonSchema } from "./schemas";
import { exampleOf, rulesOf, schemaRows, typeLabel } from "./schema-view";

const schemas: Record<string, JsonSchema> = {
  Stats: { type: "object", properties: { median: { type: ["number", "null"] }, p90: { type: ["number", "null"] } }, required: ["median", "p90"] },
  Loop: { type: "object", properties: { next: { $ref: "#/components/schemas/Loop" } } },
};

describe("typeLabel", () => {
  it("names references, formats, nullable types, arrays and unions", () => {
    expect(typeLabel({ $ref: "#/components/schemas/Stats" }, schemas)).toBe("Stats");
    expect(typeLabel({ type: "string", format: "date-time" }, schemas)).toBe("string (date-time)");
    expect(typeLabel({ type: ["integer", "null"] }, schemas)).toBe("integer or null");
    expect(typeLabel({ type: "array", items: { type: "string" } }, schemas)).toBe("array of string");
    expect(typeLabel({ anyOf: [{ type: "string" }, { type: "null" }] }, schemas)).toBe("string or null");
  });
});

describe("rulesOf", () => {
  it("words enums, lengths, bounds, sizes, patterns and defaults", () => {
    expect(rulesOf({ type: "string", enum: ["SEV1", "SEV2"] })).toEqual(["one of SEV1, SEV2"]);
    expect(rulesOf({ type: "string", minLength: 3, maxLength: 200 })).toEqual(["3 to 200 characters"]);
    expect(rulesOf({ type: "integer", minimum: 0, default: 5 })).toEqual(["≥ 0", "default 5"]);
    expect(rulesOf({ type: "array", minItems: 1, maxItems: 50, items: { type: "string", pattern: "^[a-z]+$" } })).toEqual([
      "at least 1 entry",
      "at most 50 entries",
      "matches ^[a-z]+$",
    ]);
  });
});

describe("schemaRows", () => {
  it("lists nested fields by their path, through references, arrays and nullable objects", () => {
    const schema: JsonSchema = {
      type: "object",
      required: ["weeks"],
      properties: {
        weeks: {
          type: "array",
          items: { type: "object", required: ["week"], properties: { week: { type: "string" }, ttm: { $ref: "#/components/schemas/Stats" } } },
        },
        source: { anyOf: [{ type: "object", properties: { id: { type: "string" } } }, { type: "null" }] },
      },
    };
    expect(schemaRows(schema, schemas).map((r) => [r.name, r.type, r.required])).toEqual([
      ["weeks", "array of object", true],
      ["weeks[].week", "string", true],
      ["weeks[].ttm", "Stats", false],
      ["weeks[].ttm.median", "number or null", true],
      ["weeks[].ttm.p90", "number or null", true],
      ["source", "object or null", false],
      ["source.id", "string", false],
    ]);
  });

  it("stops at a cycle of references instead of looping", () => {
    const rows = schemaRows({ $ref: "#/components/schemas/Loop" }, schemas);
    expect(rows[0]).toMatchObject({ name: "next", type: "Loop" });
    expect(rows.length).toBeLessThan(10);
  });
});

describe("exampleOf", () => {
  it("builds a value from examples, enums, defaults and formats", () => {
    const schema: JsonSchema = {
      type: "object",
      properties: {
        reference: { type: "string", examples: ["INC-2026-0042"] },
        severity: { type: "string", enum: ["SEV1", "SEV2"] },
        summary: { type: "string", default: "" },
        startedAt: { type: "string", format: "date-time" },
        services: { type: "array", items: { type: "string" } },
        usersAffected: { type: "integer", minimum: 0 },
        ttm: { $ref: "#/components/schemas/Stats" },
      },
    };
    expect(exampleOf(schema, schemas)).toEqual({
      reference: "INC-2026-0042",
      severity: "SEV1",
      summary: "",
      startedAt: "2026-03-02T09:30:00Z",
      services: ["string"],
      usersAffected: 0,
      ttm: { median: 0, p90: 0 },
    });
  });
});
