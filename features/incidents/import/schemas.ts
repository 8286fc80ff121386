import { z } from "zod";
import { IMPORT_FIELD_NAMES, type ImportField } from "./fields";

const FIELD_WORDS = `one of ${IMPORT_FIELD_NAMES.join(", ")}, or null to ignore the column`;

/** The `mapping` query parameter: { "<header as in the file>": "<field>" | null }. */
export const importMappingSchema = z.record(
  z.string(),
  z.union([z.enum(IMPORT_FIELD_NAMES as [ImportField, ...ImportField[]]), z.null()], {
    error: (issue) => `${JSON.stringify(issue.input)} is not a field: use ${FIELD_WORDS}`,
  }),
  { error: 'must be a JSON object of { "<header>": "<field>" | null }' },
);

/** The mapping as the request wrote it (JSON text), or the messages saying what is wrong with it. */
export function parseImportMapping(text: string): { mapping: Record<string, ImportField | null> } | { errors: string[] } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { errors: ['is not JSON: send a JSON object such as {"Incident Number":null,"Created On":"started_at"}'] };
  }
  if (typeof json !== "object" || json === null || Array.isArray(json)) return { errors: ['must be a JSON object of { "<header>": "<field>" | null }'] };
  const parsed = importMappingSchema.safeParse(json);
  if (parsed.success) return { mapping: parsed.data };
  return { errors: parsed.error.issues.map((issue) => `${issue.path.length > 0 ? `${JSON.stringify(issue.path[0])}: ` : ""}${issue.message}`) };
}
