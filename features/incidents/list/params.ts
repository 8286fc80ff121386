// The incident list's query parameters: the one parser behind the page's URL, the CSV export
// and GET /api/v1/incidents, so a link, a download and an API call mean the same rows.
import { z } from "zod";
import { listParameterValues, type SearchParamsInput } from "@/lib/http/query";
import { DATE_OR_INSTANT_MESSAGE, isDateOrInstant, storableString } from "@/lib/schemas";
import { addFieldError, type FieldErrors } from "@/lib/validation";
import { AI_INVOLVEMENTS, INCIDENT_STATUSES, ROOT_CAUSE_CATEGORIES, SEVERITIES } from "@/lib/domain/incident-enums";
import { decodeCursor, DEFAULT_SORT, FIRST_DIRECTION, SORT_COLUMNS, type IncidentListSort } from "./sort";

export const POSTMORTEM_FILTERS = ["NONE", "DRAFT", "IN_REVIEW", "PUBLISHED"] as const;
export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 200;

export type IncidentListFilters = {
  q?: string;
  severity: (typeof SEVERITIES)[number][];
  status: (typeof INCIDENT_STATUSES)[number][];
  service: string[];
  team: string[];
  ai: (typeof AI_INVOLVEMENTS)[number][];
  policyViolation?: boolean;
  /**
   * Only incidents with at least one repeat. There is no "without a repeat": finding the few
   * incidents that have none means judging the rule for every row of the table.
   */
  repeat?: true;
  rootCause: (typeof ROOT_CAUSE_CATEGORIES)[number][];
  postmortem: (typeof POSTMORTEM_FILTERS)[number][];
  /** Started on or after: a date (YYYY-MM-DD, in the organisation's time zone) or an instant. */
  from?: string;
  /** Started on or before: a date (the whole day counts) or an instant. */
  to?: string;
  /** Filed from this incident of another tool: `pagerduty:<PagerDuty incident id>`. */
  source?: { system: string; id: string };
};

export type IncidentListParams = {
  filters: IncidentListFilters;
  sort: IncidentListSort;
  /** Cursor of the page after (further down the order) or before a given row. */
  after?: string;
  before?: string;
  pageSize: number;
};

export const EMPTY_FILTERS: IncidentListFilters = {
  severity: [],
  status: [],
  service: [],
  team: [],
  ai: [],
  rootCause: [],
  postmortem: [],
};

export type { SearchParamsInput };

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const SOURCE = /^[a-z][a-z0-9-]{0,39}:[\x21-\x7e]{1,200}$/;

const oneOf = <T extends string>(values: readonly [T, ...T[]]) =>
  z.array(z.enum(values, { error: (issue) => `"${String(issue.input)}" is not one of ${values.join(", ")}` })).max(50);
const slugs = z.array(z.string().regex(/^[a-z0-9-]+$/, { message: "must be slugs (a-z, 0-9, -)" })).max(50, { message: "at most 50 at once" });
const bound = z.string().refine(isDateOrInstant, { message: DATE_OR_INSTANT_MESSAGE });

const listSchemas = {
  severity: oneOf(SEVERITIES),
  status: oneOf(INCIDENT_STATUSES),
  service: slugs,
  team: slugs,
  // "involved" is shorthand for every involvement but NONE.
  ai: z
    .array(z.string())
    .transform((v) => v.flatMap((x) => (x === "involved" ? ["ASSISTED", "GENERATED", "AGENT"] : [x])))
    .pipe(oneOf(AI_INVOLVEMENTS)),
  rootCause: oneOf(ROOT_CAUSE_CATEGORIES),
  postmortem: oneOf(POSTMORTEM_FILTERS),
};
const singleSchemas = {
  q: storableString("must be text")
    .refine((text) => !text.includes("\uFFFD"), { message: "was not understood: it holds U+FFFD, what a malformed percent-encoding decodes to" })
    .trim()
    .max(200, { message: "must be at most 200 characters" }),
  policyViolation: z.enum(["true", "false"], { error: 'must be "true" or "false"' }).transform((v) => v === "true"),
  repeat: z.literal("true", { error: 'must be "true" (only incidents with at least one repeat)' }).transform(() => true as const),
  from: bound,
  to: bound,
  sort: z.enum(SORT_COLUMNS, { error: `must be one of ${SORT_COLUMNS.join(", ")}` }),
  order: z.enum(["asc", "desc"], { error: 'must be "asc" or "desc"' }),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_PAGE_SIZE, { message: `must be at most ${MAX_PAGE_SIZE}` }),
  cursor: z.string(),
  before: z.string(),
  source: z
    .string()
    .regex(SOURCE, { message: "must be <system>:<id>, e.g. pagerduty:Q1ABCDEF2GHIJ" })
    .transform((text) => ({ system: text.slice(0, text.indexOf(":")), id: text.slice(text.indexOf(":") + 1) })),
};
export const LIST_PARAMETERS = [...Object.keys(listSchemas), ...Object.keys(singleSchemas)];

/**
 * The list parameters in `input`, and what was wrong with any of them, by parameter name.
 * A parameter in error is left at its default, so the page can still show the rest (the API
 * refuses the request instead). Unknown parameters are errors only when `strict`.
 */
export function parseIncidentListParams(input: SearchParamsInput, options: { strict?: boolean } = {}): { params: IncidentListParams; errors: FieldErrors } {
  const values = listParameterValues(input, ["q"]);
  const errors: FieldErrors = {};
  const filters: IncidentListFilters = { ...EMPTY_FILTERS };
  const single: Partial<{ [K in keyof typeof singleSchemas]: z.output<(typeof singleSchemas)[K]> }> = {};
  const parse = <S extends z.ZodType>(name: string, schema: S, value: unknown): z.output<S> | undefined => {
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    addFieldError(errors, name, ...new Set(result.error.issues.map((issue) => issue.message)));
    return undefined;
  };
  for (const [name, raw] of values) {
    if (Object.hasOwn(listSchemas, name)) {
      const parsed = parse(name, listSchemas[name as keyof typeof listSchemas], raw);
      if (parsed) Object.assign(filters, { [name]: [...new Set(parsed)] });
    } else if (Object.hasOwn(singleSchemas, name)) {
      if (raw.length > 1 && name !== "q") addFieldError(errors, name, "give it once");
      else Object.assign(single, { [name]: parse(name, singleSchemas[name as keyof typeof singleSchemas], raw[0]) });
    } else if (options.strict) addFieldError(errors, name, `is not a parameter of this list; known: ${LIST_PARAMETERS.join(", ")}`);
  }
  Object.assign(filters, {
    q: single.q || undefined,
    policyViolation: single.policyViolation,
    repeat: single.repeat,
    from: single.from,
    to: single.to,
    source: single.source,
  });
  if (filters.from && filters.to && DATE.test(filters.from) === DATE.test(filters.to) && Date.parse(filters.from) > Date.parse(filters.to)) {
    errors.to = ["must not be before from"];
    filters.to = undefined;
  }
  const column = single.sort ?? DEFAULT_SORT.column;
  const sort: IncidentListSort = { column, direction: single.order ?? FIRST_DIRECTION[column] };
  for (const name of ["cursor", "before"] as const) {
    if (single[name] && !decodeCursor(single[name], column)) {
      addFieldError(errors, name, "is not a cursor of this list in this order; start again from the first page");
      single[name] = undefined;
    }
  }
  const params: IncidentListParams = {
    filters,
    sort,
    after: single.cursor,
    before: single.cursor ? undefined : single.before,
    pageSize: single.limit ?? DEFAULT_PAGE_SIZE,
  };
  return { params, errors };
}
