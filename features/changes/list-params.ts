// The change list's query parameters: one parser behind the /changes page's URL and
// GET /api/v1/changes, so a link and an API call mean the same rows.
import { z } from "zod";
import { AI_INVOLVEMENTS } from "@/lib/domain/incident-enums";
import { listParameterValues, type SearchParamsInput } from "@/lib/http/query";
import { DATE_OR_INSTANT_MESSAGE, isDateOrInstant } from "@/lib/schemas";
import { addFieldError, type FieldErrors } from "@/lib/validation";

export const CHANGE_PAGE_SIZE = 50;
export const MAX_CHANGE_PAGE_SIZE = 200;
export const SIGN_OFF_FILTERS = ["compliant", "violating"] as const;

export type ChangeListFilters = {
  service: string[];
  team: string[];
  /** Declared-or-detected involvement (the stronger of the two). */
  ai: (typeof AI_INVOLVEMENTS)[number][];
  signOff?: (typeof SIGN_OFF_FILTERS)[number];
  failed?: boolean;
  mismatch?: boolean;
  /** Deployed on or after: a date (in the organisation's time zone) or an instant. */
  from?: string;
  /** Deployed on or before: a date (the whole day counts) or an instant. */
  to?: string;
};

export type ChangePosition = { deployedAt: Date; id: string };
/**
 * `after`: the page that follows a row (the `cursor` parameter); `before`: the page that
 * precedes one (the page's "Previous page"; the API pages forwards only).
 */
export type ChangeListParams = { filters: ChangeListFilters; after: ChangePosition | null; before?: ChangePosition | null; cursor?: string; pageSize: number };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const slugs = z.array(z.string().regex(/^[a-z0-9-]{1,100}$/, { message: "must be slugs (a-z, 0-9, -)" })).max(50, { message: "at most 50 at once" });
const bound = z.string().refine(isDateOrInstant, { message: DATE_OR_INSTANT_MESSAGE });
const yesNo = z.enum(["true", "false"], { error: 'must be "true" or "false"' }).transform((v) => v === "true");

const LIST_SCHEMAS = {
  service: slugs,
  team: slugs,
  // "involved" is shorthand for every involvement but NONE.
  ai: z
    .array(z.string())
    .transform((v) => v.flatMap((x) => (x === "involved" ? ["ASSISTED", "GENERATED", "AGENT"] : [x])))
    .pipe(z.array(z.enum(AI_INVOLVEMENTS, { error: (issue) => `"${String(issue.input)}" is not one of involved, ${AI_INVOLVEMENTS.join(", ")}` }))),
};
const SINGLE_SCHEMAS = {
  signOff: z.enum(SIGN_OFF_FILTERS, { error: `must be one of ${SIGN_OFF_FILTERS.join(", ")}` }),
  failed: yesNo,
  mismatch: yesNo,
  from: bound,
  to: bound,
  limit: z
    .string()
    .regex(/^\d{1,3}$/, { message: `must be a whole number from 1 to ${MAX_CHANGE_PAGE_SIZE}` })
    .transform(Number)
    .pipe(
      z
        .number()
        .min(1, { message: "must be at least 1" })
        .max(MAX_CHANGE_PAGE_SIZE, { message: `must be at most ${MAX_CHANGE_PAGE_SIZE}` }),
    ),
  cursor: z.string().max(500),
  before: z.string().max(500),
};
export const CHANGE_LIST_PARAMETERS = [...Object.keys(LIST_SCHEMAS), ...Object.keys(SINGLE_SCHEMAS)];

export function encodeChangeCursor(position: ChangePosition): string {
  return Buffer.from(JSON.stringify({ t: position.deployedAt.toISOString(), i: position.id })).toString("base64url");
}

export function decodeChangeCursor(value: string): ChangePosition | null {
  try {
    const body = JSON.parse(Buffer.from(value, "base64url").toString("utf8")) as { t?: unknown; i?: unknown };
    const deployedAt = new Date(typeof body.t === "string" ? body.t : "");
    if (Number.isNaN(deployedAt.getTime()) || typeof body.i !== "string" || !UUID.test(body.i)) return null;
    return { deployedAt, id: body.i };
  } catch {
    return null;
  }
}

/**
 * The parameters, and what was wrong with any of them by name. A parameter in error is left
 * at its default so the page can show the rest; the API refuses (and, `strict`, refuses
 * unknown parameters too).
 */
export function parseChangeListParams(input: SearchParamsInput, options: { strict?: boolean } = {}): { params: ChangeListParams; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const filters: ChangeListFilters = { service: [], team: [], ai: [] };
  const single: Partial<{ [K in keyof typeof SINGLE_SCHEMAS]: z.output<(typeof SINGLE_SCHEMAS)[K]> }> = {};
  for (const [name, raw] of listParameterValues(input)) {
    const schema = Object.hasOwn(LIST_SCHEMAS, name)
      ? LIST_SCHEMAS[name as keyof typeof LIST_SCHEMAS]
      : Object.hasOwn(SINGLE_SCHEMAS, name)
        ? SINGLE_SCHEMAS[name as keyof typeof SINGLE_SCHEMAS]
        : null;
    if (!schema) {
      if (options.strict) addFieldError(errors, name, `is not a parameter of this list; known: ${CHANGE_LIST_PARAMETERS.join(", ")}`);
      continue;
    }
    if (!Object.hasOwn(LIST_SCHEMAS, name) && raw.length > 1) {
      addFieldError(errors, name, "give it once");
      continue;
    }
    const result = schema.safeParse(Object.hasOwn(LIST_SCHEMAS, name) ? raw : raw[0]);
    if (!result.success) addFieldError(errors, name, ...new Set(result.error.issues.map((issue) => issue.message)));
    else if (Object.hasOwn(LIST_SCHEMAS, name)) Object.assign(filters, { [name]: [...new Set(result.data as string[])] });
    else Object.assign(single, { [name]: result.data });
  }
  Object.assign(filters, { signOff: single.signOff, failed: single.failed, mismatch: single.mismatch, from: single.from, to: single.to });
  if (filters.from && filters.to && filters.from.length === filters.to.length && Date.parse(filters.from) > Date.parse(filters.to)) {
    errors.to = ["must not be before from"];
    filters.to = undefined;
  }
  const position = (name: "cursor" | "before") => {
    const value = single[name];
    if (!value) return null;
    const decoded = decodeChangeCursor(value);
    if (!decoded) errors[name] = ["is not a cursor of this list; start again from the first page"];
    return decoded;
  };
  const after = position("cursor");
  // Both at once cannot both be honoured: the page after a row wins.
  const before = after ? null : position("before");
  return { params: { filters, after, before, cursor: after ? single.cursor : undefined, pageSize: single.limit ?? CHANGE_PAGE_SIZE }, errors };
}
