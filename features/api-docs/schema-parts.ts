// Pieces the response schemas of the API document share.

export const nullable = (type: string) => ({ type: [type, "null"] });

export const durationStats = { type: "object", properties: { median: nullable("number"), p90: nullable("number") }, required: ["median", "p90"] };

/** The ISO week and its Monday, as every weekly series names its entries. */
export const weekFields = { week: { type: "string", examples: ["2026-W10"] }, start: { type: "string", format: "date" } };

/** A response of weekly figures: `weeks`, each entry its week and Monday with `figures`, and any `more` top-level fields. */
export function weeklySeries<More extends Record<string, unknown> = Record<never, never>>(
  figures: Record<string, unknown>,
  requiredFigures: string[],
  more?: { properties: More; required: string[] },
) {
  const weeks = { type: "array", items: { type: "object", properties: { ...weekFields, ...figures }, required: ["week", "start", ...requiredFigures] } };
  return { type: "object", properties: { weeks, ...(more?.properties as More) }, required: ["weeks", ...(more?.required ?? [])] };
}

/** What a file of paths takes from the document to build its operations: references to its own schemas, and the shared answers. */
export type PathHelpers<SchemaName extends string> = {
  ref: (name: SchemaName) => unknown;
  json: (schema: unknown) => unknown;
  problem: (description: string) => unknown;
  refusals: Record<number, unknown>;
};
