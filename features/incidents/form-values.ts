import { formValuesOf } from "@/lib/forms/form-data";
import type { FormState } from "@/lib/forms/state";
import { wallTimeToInstant } from "@/lib/time/zoned";

export const TIMESTAMP_FIELDS = ["startedAt", "detectedAt", "mitigatedAt", "resolvedAt"] as const;

/** What the form posted, kept as text so the form can be shown again as it was typed. */
export type IncidentFormValues = Record<string, string | string[]>;

/** The incident forms' state: FormState, with the values as posted, services (ticked boxes) as a list. */
export type IncidentFormState<Extra extends object = object> = Omit<FormState<Extra>, "values"> & { values?: IncidentFormValues };

/** What the form posted, every field as text but the services, which are a list. */
export function postedIncidentValues(form: FormData): IncidentFormValues {
  const values: IncidentFormValues = formValuesOf(form);
  if (form.has("services")) values.services = form.getAll("services").map(String);
  return values;
}

const text = (values: IncidentFormValues, key: string) => {
  const value = values[key];
  return typeof value === "string" ? value : "";
};
/** A whole number the browser posted as text, as a number; anything else stays text so validation names the field. */
const wholeNumber = (value: string): number | string => (/^-?\d{1,15}$/.test(value.trim()) ? Number(value.trim()) : value);
const list = (value: string) =>
  value
    .split(/[,\n]/)
    .map((item) => item.trim())
    .filter(Boolean);

/**
 * The form's flat fields as the nested input of the API. Times arrive as wall-clock times in
 * the filer's time zone (a hidden field) and leave as instants; bad ones are passed on as
 * typed so that validation names them.
 */
export function incidentInputFromForm(values: IncidentFormValues): unknown {
  const timeZone = text(values, "timeZone") || "UTC";
  const instant = (key: string) => {
    const wall = text(values, key).trim();
    if (!wall) return undefined;
    return wallTimeToInstant(wall, timeZone)?.toISOString() ?? wall;
  };
  const services = values.services;
  return {
    title: text(values, "title"),
    summary: text(values, "summary"),
    severity: text(values, "severity") || undefined,
    status: text(values, "status") || undefined,
    services: Array.isArray(services) ? services : [],
    startedAt: instant("startedAt") ?? "",
    detectedAt: instant("detectedAt"),
    mitigatedAt: instant("mitigatedAt"),
    resolvedAt: instant("resolvedAt"),
    impact: {
      usersAffected: wholeNumber(text(values, "impact.usersAffected") || "0"),
      failedTransactions: text(values, "impact.failedTransactions").trim() ? wholeNumber(text(values, "impact.failedTransactions")) : undefined,
      regions: list(text(values, "impact.regions")),
      capabilities: list(text(values, "impact.capabilities")),
    },
    blastRadius: text(values, "blastRadius") || undefined,
    rootCause: { category: text(values, "rootCause.category") || "UNKNOWN", description: text(values, "rootCause.description") },
    change: {
      reference: text(values, "change.reference"),
      authorLevel: text(values, "change.authorLevel"),
      // Left empty, the server takes it from the recorded change of the reference, or NONE.
      approval: text(values, "change.approval") || undefined,
    },
    ai: {
      involvement: text(values, "ai.involvement") || undefined,
      tool: text(values, "ai.tool"),
      description: text(values, "ai.description") || undefined,
    },
  };
}
