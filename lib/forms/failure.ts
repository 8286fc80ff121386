import { ConflictError, ForbiddenError, NotFoundError, RuleViolationError, ValidationError } from "@/lib/errors";
import type { FieldErrors } from "@/lib/validation";
import type { FormState } from "./state";

export type FormFailure = FormState & { error: string };

/** "Time box: must be at least 1 minute. Presenter: …", with the form's own names for its fields. */
export const describeFieldErrors = (errors: FieldErrors, fieldNames: Record<string, string>) =>
  Object.entries(errors)
    .map(([field, messages]) => `${fieldNames[field] ?? field}: ${messages.join("; ")}`)
    .join(". ");

/**
 * The answer to a refused or failed change, in words for the person at the form: what was
 * wrong with which field, the refusal's own message, or (logged) a server error.
 */
export function formFailure(
  error: unknown,
  failure: string,
  values: Record<string, string> | undefined,
  describeInvalid: (errors: FieldErrors) => string,
): FormFailure {
  if (error instanceof ValidationError || error instanceof RuleViolationError) {
    return { error: `${failure}${describeInvalid(error.fieldErrors)}.`, fieldErrors: error.fieldErrors, values };
  }
  if (error instanceof ConflictError || error instanceof NotFoundError || error instanceof ForbiddenError) {
    return { error: `${failure}: ${error.message}`, values };
  }
  console.error(`${failure} (server error)`, error);
  return { error: `${failure} because of a server error. Nothing was changed; try again.`, values };
}
