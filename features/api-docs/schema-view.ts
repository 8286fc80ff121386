import type { JsonSchema } from "./schemas";

// How a JSON Schema reads on the API reference page: one row per field, nested fields named
// by their path (impact.usersAffected, weeks[].ttm.median), and an example value.

export type SchemaRow = { name: string; type: string; required: boolean; description?: string; rules: string[] };

type Schemas = Record<string, JsonSchema>;

/** Deep enough for every schema of the API; a cycle of $refs stops here instead of looping. */
const MAX_DEPTH = 6;

/** The name a `#/components/schemas/Name` reference points at. */
export const refName = (ref: string) => ref.replace(/^#\/components\/schemas\//, "");

export function resolve(schema: JsonSchema, schemas: Schemas): JsonSchema {
  let current = schema;
  for (let hops = 0; current.$ref && hops < MAX_DEPTH; hops++) current = schemas[refName(current.$ref)] ?? {};
  return current;
}

const isNull = (schema: JsonSchema) => schema.type === "null";
const branches = (schema: JsonSchema) => schema.anyOf ?? schema.oneOf ?? [];

/** "string (date-time)", "integer or null", "array of string", "Incident". */
export function typeLabel(schema: JsonSchema, schemas: Schemas, depth = 0): string {
  if (schema.$ref) return refName(schema.$ref);
  if (depth > MAX_DEPTH) return "any";
  if (branches(schema).length > 0)
    return branches(schema)
      .map((s) => typeLabel(s, schemas, depth + 1))
      .join(" or ");
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  const one = (type: string) => {
    if (type === "array") return `array of ${schema.items ? typeLabel(schema.items, schemas, depth + 1) : "any"}`;
    return type === "string" && schema.format ? `string (${schema.format})` : type;
  };
  return types.length === 0 ? (schema.properties ? "object" : "any") : types.map(one).join(" or ");
}

/** The constraints a reader must meet, in words. */
export function rulesOf(schema: JsonSchema): string[] {
  const rules: string[] = [];
  const values = schema.enum ?? schema.items?.enum;
  if (values) rules.push(`one of ${values.map((v) => JSON.stringify(v).replaceAll('"', "")).join(", ")}`);
  if (schema.minLength !== undefined && schema.maxLength !== undefined) rules.push(`${schema.minLength} to ${schema.maxLength} characters`);
  else if (schema.maxLength !== undefined) rules.push(`at most ${schema.maxLength} characters`);
  else if (schema.minLength !== undefined) rules.push(`at least ${schema.minLength} characters`);
  if (schema.minimum !== undefined) rules.push(`≥ ${schema.minimum}`);
  if (schema.maximum !== undefined) rules.push(`≤ ${schema.maximum}`);
  if (schema.minItems !== undefined) rules.push(`at least ${schema.minItems} ${schema.minItems === 1 ? "entry" : "entries"}`);
  if (schema.maxItems !== undefined) rules.push(`at most ${schema.maxItems} entries`);
  const pattern = schema.pattern ?? schema.items?.pattern;
  if (pattern) rules.push(`matches ${pattern}`);
  if (schema.default !== undefined && typeof schema.default !== "object") rules.push(`default ${JSON.stringify(schema.default)}`);
  return rules;
}

/** The object a schema (or its array items, or its non-null branch) describes, if any. */
function objectWithin(schema: JsonSchema, schemas: Schemas): { object: JsonSchema; suffix: string } | null {
  const resolved = resolve(schema, schemas);
  if (resolved.properties) return { object: resolved, suffix: "." };
  if (resolved.items) {
    const inner = objectWithin(resolved.items, schemas);
    return inner ? { object: inner.object, suffix: `[]${inner.suffix}` } : null;
  }
  const [only, ...others] = branches(resolved).filter((s) => !isNull(s));
  return only && others.length === 0 ? objectWithin(only, schemas) : null;
}

/** Every field of an object schema, nested fields after their parent. */
export function schemaRows(schema: JsonSchema, schemas: Schemas, prefix = "", depth = 0): SchemaRow[] {
  const object = resolve(schema, schemas);
  if (!object.properties || depth > MAX_DEPTH) return [];
  const required = new Set(object.required ?? []);
  return Object.entries(object.properties).flatMap(([key, property]) => {
    const name = `${prefix}${key}`;
    const shown = resolve(property, schemas);
    const row: SchemaRow = {
      name,
      type: typeLabel(property, schemas),
      required: required.has(key),
      description: property.description ?? shown.description,
      rules: rulesOf(shown),
    };
    const inner = objectWithin(property, schemas);
    return [row, ...(inner ? schemaRows(inner.object, schemas, `${name}${inner.suffix}`, depth + 1) : [])];
  });
}

const FORMAT_EXAMPLES: Record<string, string> = {
  "date-time": "2026-03-02T09:30:00Z",
  date: "2026-03-02",
  uuid: "0b6f3c52-7d1e-4c9a-9f3e-2a51c8d4e7b0",
  uri: "https://example.com/",
};

/** A value the schema accepts, built from its examples, defaults, enums and formats. */
export function exampleOf(schema: JsonSchema, schemas: Schemas, depth = 0): unknown {
  const resolved = resolve(schema, schemas);
  if (depth > MAX_DEPTH) return null;
  if (resolved.examples?.length) return resolved.examples[0];
  if (resolved.const !== undefined) return resolved.const;
  if (resolved.enum?.length) return resolved.enum[0];
  if (resolved.default !== undefined) return resolved.default;
  const branch = branches(resolved).find((s) => !isNull(s));
  if (branch) return exampleOf(branch, schemas, depth + 1);
  const type = (Array.isArray(resolved.type) ? resolved.type.find((t) => t !== "null") : resolved.type) ?? (resolved.properties ? "object" : undefined);
  switch (type) {
    case "object":
      return Object.fromEntries(Object.entries(resolved.properties ?? {}).map(([key, property]) => [key, exampleOf(property, schemas, depth + 1)]));
    case "array":
      return resolved.items ? [exampleOf(resolved.items, schemas, depth + 1)] : [];
    case "string":
      return (resolved.format && FORMAT_EXAMPLES[resolved.format]) ?? "string";
    case "integer":
    case "number":
      return resolved.minimum ?? 0;
    case "boolean":
      return false;
    default:
      return null;
  }
}
