import type { z } from "zod";
import { INSTANT_MESSAGE } from "@/lib/schemas";
import { addFieldError, fieldErrorsOf, type FieldErrors } from "@/lib/validation";
import { oneOfWords } from "@/lib/domain/incident-enums";
import { ENUM_FIELD_LABELS, INSTANT_FIELDS } from "./field-labels";
import { incidentInputFromForm, type IncidentFormValues } from "./form-values";
import { incidentRuleErrors, type ReadableTimestamps } from "./rules";
import { incidentInputSchema, type IncidentInput } from "./schemas";

/** Who reads the messages: a program (the API lists the allowed values) or a person at the form. */
export type Wording = "api" | "form";

/**
 * `input` is the parsed incident when its shape is right (its rules may still be broken);
 * `services` the service slugs when they could be read, for the caller to look up.
 */
export type IncidentCheck = { input: IncidentInput | null; services: string[] | null; shapeErrors: FieldErrors; ruleErrors: FieldErrors };

const pathOf = (issue: z.core.$ZodIssue) => issue.path.filter((p) => typeof p !== "number").join(".");

/** An issue in the words of the form: its choices by their labels, a missing time as missing. */
function formMessageOf(issue: z.core.$ZodIssue, raw: unknown): string {
  const field = pathOf(issue);
  const labels = Object.hasOwn(ENUM_FIELD_LABELS, field) ? ENUM_FIELD_LABELS[field] : undefined;
  if (issue.code === "invalid_value" && labels) return `choose ${oneOfWords(issue.values.map((v) => labels[String(v)] ?? String(v)))}`;
  if (INSTANT_FIELDS.has(field) && issue.message === INSTANT_MESSAGE) {
    return raw === "" || raw === undefined ? "is required: when did it happen?" : "must be a date and time";
  }
  return issue.message;
}

const fieldOf = (raw: unknown, key: string) =>
  typeof raw === "object" && raw !== null && Object.hasOwn(raw, key) ? (raw as Record<string, unknown>)[key] : undefined;
const { status, startedAt, detectedAt, mitigatedAt, resolvedAt } = incidentInputSchema.shape;
const timestampSchemas = { status, startedAt, detectedAt, mitigatedAt, resolvedAt };

/** The status and times that can be read on their own, so the rules between them can be judged while other fields are wrong. */
function readableTimestamps(raw: unknown): ReadableTimestamps {
  const readable: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(timestampSchemas)) {
    const parsed = schema.safeParse(fieldOf(raw, key));
    if (parsed.success) readable[key] = parsed.data;
  }
  return readable as ReadableTimestamps;
}

/**
 * Every problem of an incident's input in one pass: its shape (400 for the API) and the rules
 * between its fields (422), judged on whatever could be read even when other fields are wrong.
 * A rule about a field that could not be read is left to that field's own message.
 */
export function checkIncidentInput(raw: unknown, now: Date, wording: Wording = "api"): IncidentCheck {
  const parsed = incidentInputSchema.safeParse(raw);
  if (parsed.success) return { input: parsed.data, services: parsed.data.services, shapeErrors: {}, ruleErrors: incidentRuleErrors(parsed.data, now) };
  const shapeErrors = fieldErrorsOf(parsed.error, wording === "form" ? (issue) => formMessageOf(issue, fieldOf(raw, pathOf(issue))) : undefined);
  const ruleErrors: FieldErrors = {};
  for (const [field, messages] of Object.entries(incidentRuleErrors(readableTimestamps(raw), now))) {
    if (!Object.hasOwn(shapeErrors, field)) addFieldError(ruleErrors, field, ...messages);
  }
  const services = incidentInputSchema.shape.services.safeParse(fieldOf(raw, "services"));
  return { input: null, services: services.success ? services.data : null, shapeErrors, ruleErrors };
}

/** Shape and rule errors as one list, for a reader who needs them all at once. */
export const allIncidentErrors = (check: IncidentCheck): FieldErrors => ({ ...check.shapeErrors, ...check.ruleErrors });

/** The form's problems in its own words, all at once; null when there are none to show. */
export function incidentFormErrors(values: IncidentFormValues, now: Date): FieldErrors | null {
  const errors = allIncidentErrors(checkIncidentInput(incidentInputFromForm(values), now, "form"));
  return Object.keys(errors).length > 0 ? errors : null;
}
