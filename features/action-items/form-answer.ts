import "server-only";
import { revalidatePath } from "next/cache";
import { describeFieldErrors, formFailure } from "@/lib/forms/failure";
import type { FormState } from "@/lib/forms/state";

/** Every page that lists action items. */
export function revalidateActionItemPages() {
  revalidatePath("/action-items");
  revalidatePath("/action-items/mine");
  revalidatePath("/incidents/[reference]", "page");
  revalidatePath("/incidents/[reference]/postmortem", "page");
}

// Fields the form shows no input for are named in the message; the others are marked below.
const HIDDEN_FIELDS = ["incidentId", "actionItemId", "version"];

/** The answer to a refused or failed change, in words for the person at the form. */
export const actionItemFailure = (error: unknown, failure: string, values?: Record<string, string>): FormState =>
  formFailure(error, failure, values, (errors) => {
    const hidden = Object.fromEntries(Object.entries(errors).filter(([field]) => HIDDEN_FIELDS.includes(field)));
    return `: ${describeFieldErrors(hidden, {}) || "correct the fields marked below"}`;
  });
