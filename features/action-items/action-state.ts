import "server-only";
import { revalidatePath } from "next/cache";
import { ConflictError, ForbiddenError, NotFoundError, RuleViolationError, ValidationError } from "@/lib/errors";
import type { FieldErrors } from "@/lib/validation";

export type ActionItemFormState = { ok?: string; error?: string; fieldErrors?: FieldErrors; values?: Record<string, string> };

/** Every page that lists action items. */
export function revalidateActionItemPages() {
  revalidatePath("/action-items");
  revalidatePath("/action-items/mine");
  revalidatePath("/incidents/[reference]", "page");
  revalidatePath("/incidents/[reference]/postmortem", "page");
}

/** The answer to a refused or failed change, in words for the person at the form. */
export function actionItemFailure(error: unknown, failure: string, values?: Record<string, string>): ActionItemFormState {
  if (error instanceof ValidationError || error instanceof RuleViolationError) {
    const fields = Object.keys(error.fieldErrors);
    const hidden = fields.filter((f) => f === "incidentId" || f === "actionItemId" || f === "version");
    const detail = hidden.map((f) => `${f}: ${error.fieldErrors[f]?.join("; ")}`).join(". ");
    return { error: `${failure}: ${detail || "correct the fields marked below"}.`, fieldErrors: error.fieldErrors, values };
  }
  if (error instanceof ConflictError || error instanceof NotFoundError || error instanceof ForbiddenError) {
    return { error: `${failure}: ${error.message}`, values };
  }
  console.error(`${failure} (server error)`, error);
  return { error: `${failure} because of a server error. Nothing was changed; try again.`, values };
}
