import type { FieldErrors } from "@/lib/validation";

/**
 * What every form's server action answers with: a polite `ok` or an `error`, the fields the
 * error is about, and what was posted so that a refused form is shown again as typed. A form
 * that needs more (a new version to build on, a conflict to show) adds it through `Extra`.
 */
export type FormState<Extra extends object = object> = {
  ok?: string;
  error?: string;
  fieldErrors?: FieldErrors;
  values?: Record<string, string>;
} & Partial<Extra>;
