import { z } from "zod";
import {
  AI_INVOLVEMENT_LABELS,
  AI_INVOLVEMENTS,
  allowedValuesText,
  AUTHOR_LEVEL_LABELS,
  AUTHOR_LEVELS,
  BLAST_RADII,
  BLAST_RADIUS_LABELS,
  CHANGE_APPROVAL_LABELS,
  CHANGE_APPROVALS,
  INCIDENT_STATUS_LABELS,
  INCIDENT_STATUSES,
  ROOT_CAUSE_CATEGORIES,
  ROOT_CAUSE_CATEGORY_LABELS,
  SEVERITIES,
  SEVERITY_LABELS,
} from "@/lib/domain/incident-enums";
import { isoInstant, storableString } from "@/lib/schemas";

// Strict, as the JSON API promises: instants are ISO 8601 strings with an offset, counts are
// JSON numbers; the form converts what the browser posts before it gets here (form-values.ts).
const instant = isoInstant;
const optionalInstant = z.preprocess((v) => (v === null ? undefined : v), instant.optional());
const text = (max: number) => storableString().max(max, { message: `must be at most ${max} characters` });
const optionalText = (max: number) =>
  z.preprocess(
    (v) => (v === null || (typeof v === "string" && v.trim() === "") ? undefined : v),
    storableString()
      .trim()
      .max(max, { message: `must be at most ${max} characters` })
      .optional(),
  );
const labelList = z
  .array(
    storableString("each entry must be text").trim().min(1, { message: "entries cannot be empty" }).max(64, { message: "each entry is at most 64 characters" }),
    { error: "must be a list of text" },
  )
  .max(50, { message: "at most 50 entries" })
  .transform((items) => [...new Set(items)]);
/** PostgreSQL's integer column. */
const MAX_INT = 2_147_483_647;
const count = z
  .number({ error: "must be a whole number" })
  .int({ message: "must be a whole number" })
  .min(0, { message: "cannot be negative" })
  .max(MAX_INT, { message: `must be at most ${MAX_INT}` });
// Zero-width spaces, joiners, bidi marks and the like do not count towards a title's length.
const INVISIBLE = /[\p{Cf}\p{Cc}\p{Zl}\p{Zp}\u115F\u1160\u3164\uFFA0\u2800]/gu;
const visibleLength = (text: string) => [...text.replace(INVISIBLE, "").trim()].length;
/** One of an enum's values; a wrong one is told them all, with their words: "must be one of SINGLE_SERVICE (Single service), …". */
export const enumValue = <const V extends readonly [string, ...string[]]>(values: V, labels: Record<V[number], string>) =>
  z.enum(values, { error: `must be ${values.length > 2 ? "one of " : ""}${allowedValuesText(values, labels)}` });

/** An incident as filed: the nested shape of the HTTP API, shared by the form and the server action. */
export const incidentInputSchema = z.strictObject({
  title: storableString()
    .trim()
    .max(200, { message: "must be at most 200 characters" })
    .refine((title) => visibleLength(title) >= 3, { message: "must be at least 3 characters" }),
  summary: text(20_000).default(""),
  severity: enumValue(SEVERITIES, SEVERITY_LABELS),
  status: enumValue(INCIDENT_STATUSES, INCIDENT_STATUS_LABELS),
  services: z
    .array(
      z
        .string({ error: "must be a service slug" })
        .trim()
        .regex(/^[a-z0-9-]{1,100}$/, { message: "is not a service slug" }),
      { error: "must be a list of service slugs" },
    )
    .max(50, { message: "at most 50 services" })
    .min(1, { message: "pick at least one affected service" })
    .transform((items) => [...new Set(items)]),
  startedAt: instant,
  detectedAt: optionalInstant,
  mitigatedAt: optionalInstant,
  resolvedAt: optionalInstant,
  impact: z.strictObject({
    usersAffected: count,
    failedTransactions: z.preprocess((v) => (v === null ? undefined : v), count.optional()),
    regions: labelList.default([]),
    capabilities: labelList.default([]),
  }),
  blastRadius: enumValue(BLAST_RADII, BLAST_RADIUS_LABELS),
  rootCause: z
    .strictObject({
      category: enumValue(ROOT_CAUSE_CATEGORIES, ROOT_CAUSE_CATEGORY_LABELS).default("UNKNOWN"),
      description: text(20_000).default(""),
    })
    .default({ category: "UNKNOWN", description: "" }), // often unknown while the incident is hot
  change: z
    .strictObject({
      reference: optionalText(500),
      authorLevel: z.preprocess((v) => (v === "" || v === null ? undefined : v), enumValue(AUTHOR_LEVELS, AUTHOR_LEVEL_LABELS).optional()),
      approval: enumValue(CHANGE_APPROVALS, CHANGE_APPROVAL_LABELS).default("NONE"),
    })
    .default({ approval: "NONE" }),
  ai: z
    .strictObject({
      involvement: enumValue(AI_INVOLVEMENTS, AI_INVOLVEMENT_LABELS).default("NONE"),
      tool: optionalText(100),
      description: text(20_000).optional(),
    })
    .default({ involvement: "NONE" }),
});

export type IncidentInput = z.infer<typeof incidentInputSchema>;
