import { ValidationError } from "@/lib/errors";
import { formText } from "@/lib/forms/form-data";
import { addFieldError, type FieldErrors } from "@/lib/validation";

/** One row of the service table: a PagerDuty service id and the catalogue service (slug) it files under. */
export type ServiceRow = { pagerDutyId: string; slug: string };
/** One row of the priority table: a PagerDuty priority name ("P1") and the severity it files as. */
export type PriorityRow = { priority: string; severity: string };

/** What the PagerDuty settings form holds, as typed, so a refused save shows it again unchanged. */
export type PagerDutyFormValues = {
  /** One secret a line; empty keeps the current ones. */
  signingSecrets: string;
  services: ServiceRow[];
  /** A slug, or "" for none. */
  defaultService: string;
  priorities: PriorityRow[];
};

/** The saved mapping as the settings read shows it (never a secret). */
export type PagerDutyMapping = {
  services: Record<string, string>;
  defaultService: string | null;
  priorities: Record<string, string>;
};

export const PAGERDUTY_FIELD_LABELS: Record<string, string> = {
  signingSecrets: "Signing secrets",
  services: "PagerDuty services",
  defaultService: "Default service",
  priorities: "Priorities",
  version: "Version",
};

/** A field key such as "services.PABC123" in the words of the form: "PagerDuty service PABC123". */
export function pagerDutyFieldLabel(field: string): string {
  const [head = field, ...rest] = field.split(".");
  const key = rest.join(".");
  if (head === "services" && key) return `PagerDuty service ${key}`;
  if (head === "priorities" && key) return `Priority ${key}`;
  return PAGERDUTY_FIELD_LABELS[head] ?? field;
}

export function pagerDutyFormValuesOf(mapping: PagerDutyMapping): PagerDutyFormValues {
  return {
    signingSecrets: "",
    services: Object.entries(mapping.services).map(([pagerDutyId, slug]) => ({ pagerDutyId, slug })),
    defaultService: mapping.defaultService ?? "",
    priorities: Object.entries(mapping.priorities).map(([priority, severity]) => ({ priority, severity })),
  };
}

export function readPagerDutyForm(form: FormData): PagerDutyFormValues {
  const all = (name: string) => form.getAll(name).map((value) => (typeof value === "string" ? value.trim() : ""));
  const pairs = <Row>(left: string, right: string, row: (a: string, b: string) => Row) => {
    const rights = all(right);
    return all(left).map((value, index) => row(value, rights[index] ?? ""));
  };
  return {
    signingSecrets: formText(form, "signingSecrets"),
    services: pairs("serviceId", "serviceSlug", (pagerDutyId, slug) => ({ pagerDutyId, slug })),
    defaultService: formText(form, "defaultService").trim(),
    priorities: pairs("priority", "severity", (priority, severity) => ({ priority, severity })),
  };
}

/** Rows left wholly empty are dropped; a half-filled or repeated row is refused under its own key. */
function tableOf<Row>(rows: Row[], field: string, key: (row: Row) => string, value: (row: Row) => string, errors: FieldErrors) {
  const table: Record<string, string> = {};
  for (const row of rows) {
    const name = key(row);
    if (!name && !value(row)) continue;
    if (!name) addFieldError(errors, field, "a row has no id: fill it in or remove the row");
    else if (Object.hasOwn(table, name)) addFieldError(errors, `${field}.${name}`, "is listed twice: keep one row");
    else Object.defineProperty(table, name, { value: value(row), enumerable: true, writable: true, configurable: true });
  }
  return table;
}

/** The raw input of savePagerDutySettings; its schema judges the values, this only turns rows into records. */
export function pagerDutyInputOf(values: PagerDutyFormValues) {
  const errors: FieldErrors = {};
  const services = tableOf(
    values.services,
    "services",
    (row) => row.pagerDutyId,
    (row) => row.slug,
    errors,
  );
  const priorities = tableOf(
    values.priorities,
    "priorities",
    (row) => row.priority,
    (row) => row.severity,
    errors,
  );
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);
  const secrets = values.signingSecrets
    .split(/\r?\n/)
    .map((secret) => secret.trim())
    .filter(Boolean);
  return {
    ...(secrets.length > 0 ? { signingSecrets: secrets } : {}),
    services,
    defaultService: values.defaultService === "" ? null : values.defaultService,
    priorities,
  };
}

/** The errors filed under one field or any key below it ("services.PABC123" under "services"). */
export const errorsUnder = (errors: FieldErrors, field: string): string[] =>
  Object.entries(errors).flatMap(([key, messages]) => (key === field || key.startsWith(`${field}.`) ? messages : []));
