import { z } from "zod";
import { ValidationError } from "@/lib/errors";
import { addFieldError, fieldErrorsOf, type FieldErrors } from "@/lib/validation";
import { incidentInputSchema, type IncidentInput } from "./schemas";

const GROUPS = ["impact", "rootCause", "change", "ai"] as const;
type Group = (typeof GROUPS)[number];
const { impact, rootCause, change, ai } = incidentInputSchema.shape;

/**
 * A PATCH of an incident: the version it is based on and any subset of the fields of
 * incidentInputSchema, nested groups partial too. Each field keeps its schema from filing, so
 * an edit is checked exactly as a filing is.
 */
export const incidentPatchSchema = incidentInputSchema
  .extend({ impact: impact.partial(), rootCause: rootCause.unwrap().partial(), change: change.unwrap().partial(), ai: ai.unwrap().partial() })
  .partial()
  .extend({ version: z.int({ error: "must be the version of the incident this edit is based on (a whole number)" }).min(1) });

/** The fields a patch sets; a key present with `undefined` clears that field. */
export type IncidentPatch = Partial<Omit<IncidentInput, Group>> & { [G in Group]?: Partial<IncidentInput[G]> };

type Shape = Record<string, z.ZodType>;
// The shapes of filing (not of the patch, where every field is optional): they say which
// fields may be cleared.
const groupShapes: Record<Group, Shape> = {
  impact: impact.shape,
  rootCause: rootCause.unwrap().shape,
  change: change.unwrap().shape,
  ai: ai.unwrap().shape,
};
const isGroup = (key: string): key is Group => (GROUPS as readonly string[]).includes(key);
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Checks the patch's keys before zod sees it. zod applies a field's default even inside
 * .partial(), and maps null to "absent" for optional fields, so which keys were sent must be
 * read here: null (or undefined, from the form) clears a field that filing lets you leave out,
 * and is refused for a field every incident must have.
 */
function normalisePatch(raw: Record<string, unknown>, shape: Shape, prefix: string, errors: FieldErrors): Record<string, unknown> {
  const normalised: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    const path = prefix + key;
    // Own keys only: "constructor" or "toString" must not find Object's members.
    const field = Object.hasOwn(shape, key) ? shape[key] : undefined;
    if (!field) {
      addFieldError(errors, path, "is not a field of an incident that can be changed");
    } else if (!prefix && isGroup(key)) {
      if (isRecord(value)) normalised[key] = normalisePatch(value, groupShapes[key], `${key}.`, errors);
      else if (value !== undefined) addFieldError(errors, path, "must be an object of the fields to change");
    } else if (value === null || value === undefined) {
      if (field.safeParse(undefined).success) normalised[key] = undefined;
      else addFieldError(errors, path, "cannot be cleared: every incident has one");
    } else {
      normalised[key] = value;
    }
  }
  return normalised;
}

/** Only the keys the patch sent: zod's output also holds the defaults of the keys it left out. */
function sentKeysOf(parsed: Record<string, unknown>, sent: Record<string, unknown>, nested: boolean): Record<string, unknown> {
  const picked: Record<string, unknown> = {};
  for (const key of Object.keys(sent)) {
    const value = parsed[key];
    const sentValue = sent[key];
    picked[key] = nested && isGroup(key) && isRecord(value) && isRecord(sentValue) ? sentKeysOf(value, sentValue, false) : value;
  }
  return picked;
}

/** The version a patch is based on and the fields it sets; 400 (ValidationError) field by field. */
export function parseIncidentPatch(raw: unknown): { version: number; patch: IncidentPatch } {
  if (!isRecord(raw)) throw new ValidationError({ form: ["must be an object of the version and the fields to change"] });
  const errors: FieldErrors = {};
  const { version, ...fields } = raw;
  const normalised = normalisePatch(fields, incidentInputSchema.shape, "", errors);
  const parsed = incidentPatchSchema.safeParse({ ...normalised, version });
  if (!parsed.success) {
    for (const [path, messages] of Object.entries(fieldErrorsOf(parsed.error))) addFieldError(errors, path, ...messages);
  }
  if (Object.keys(errors).length > 0 || !parsed.success) throw new ValidationError(errors);
  const { version: parsedVersion, ...parsedFields } = parsed.data;
  // Typed by the schema the keys were parsed with; sentKeysOf only drops keys.
  return { version: parsedVersion, patch: sentKeysOf(parsedFields, normalised, true) as IncidentPatch };
}

/** The incident as it will be after the patch: the stored fields, overlaid key by key. */
export function mergeIncidentPatch(current: IncidentInput, patch: IncidentPatch): IncidentInput {
  return {
    ...current,
    ...patch,
    impact: { ...current.impact, ...patch.impact },
    rootCause: { ...current.rootCause, ...patch.rootCause },
    change: { ...current.change, ...patch.change },
    ai: { ...current.ai, ...patch.ai },
  };
}
