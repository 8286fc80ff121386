import { z } from "zod";
import {
  AI_INVOLVEMENTS,
  AUTHOR_LEVELS,
  BLAST_RADII,
  CHANGE_APPROVALS,
  INCIDENT_STATUSES,
  ROOT_CAUSE_CATEGORIES,
  SEVERITIES,
} from "./enums";

const instant = z.coerce.date({ error: "must be a date and time" }).refine((d) => !Number.isNaN(d.getTime()), {
  message: "must be a date and time",
});
const optionalInstant = z.preprocess((v) => (v === "" || v === null ? undefined : v), instant.optional());
const optionalText = (max: number) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), z.string().trim().max(max).optional());
const labelList = z
  .array(z.string().trim().min(1).max(64, { message: "each entry is at most 64 characters" }))
  .max(50)
  .transform((items) => [...new Set(items)]);

/** An incident as filed: the nested shape of the HTTP API, shared by the form and the server action. */
export const incidentInputSchema = z.object({
  title: z.string().trim().min(3, { message: "must be at least 3 characters" }).max(200, { message: "must be at most 200 characters" }),
  summary: z.string().max(20_000).default(""),
  severity: z.enum(SEVERITIES, { error: "must be SEV1 or SEV2" }),
  status: z.enum(INCIDENT_STATUSES, { error: `must be one of ${INCIDENT_STATUSES.join(", ")}` }),
  services: z
    .array(z.string().trim().regex(/^[a-z0-9-]+$/, { message: "is not a service slug" }))
    .min(1, { message: "pick at least one affected service" })
    .transform((items) => [...new Set(items)]),
  startedAt: instant,
  detectedAt: optionalInstant,
  mitigatedAt: optionalInstant,
  resolvedAt: optionalInstant,
  impact: z.object({
    usersAffected: z.coerce.number({ error: "must be a whole number" }).int({ message: "must be a whole number" }).min(0, { message: "cannot be negative" }),
    failedTransactions: z.preprocess(
      (v) => (v === "" || v === null ? undefined : v),
      z.coerce.number({ error: "must be a whole number" }).int({ message: "must be a whole number" }).min(0, { message: "cannot be negative" }).optional(),
    ),
    regions: labelList.default([]),
    capabilities: labelList.default([]),
  }),
  blastRadius: z.enum(BLAST_RADII, { error: `must be one of ${BLAST_RADII.join(", ")}` }),
  rootCause: z.object({
    category: z.enum(ROOT_CAUSE_CATEGORIES, { error: `must be one of ${ROOT_CAUSE_CATEGORIES.join(", ")}` }).default("UNKNOWN"),
    description: z.string().max(20_000).default(""),
  }).default({ category: "UNKNOWN", description: "" }), // often unknown while the incident is hot
  change: z.object({
    reference: optionalText(500),
    authorLevel: z.preprocess((v) => (v === "" || v === null ? undefined : v), z.enum(AUTHOR_LEVELS, { error: `must be one of ${AUTHOR_LEVELS.join(", ")}` }).optional()),
    approval: z.enum(CHANGE_APPROVALS, { error: `must be one of ${CHANGE_APPROVALS.join(", ")}` }).default("NONE"),
  }).default({ approval: "NONE" }),
  ai: z.object({
    involvement: z.enum(AI_INVOLVEMENTS, { error: `must be one of ${AI_INVOLVEMENTS.join(", ")}` }).default("NONE"),
    tool: optionalText(100),
    description: z.string().max(20_000).optional(),
  }).default({ involvement: "NONE" }),
});

export type IncidentInput = z.infer<typeof incidentInputSchema>;
