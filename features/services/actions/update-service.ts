"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "@/lib/actions/authorized-action";
import { db } from "@/lib/db";
import { describeFieldErrors, formFailure } from "@/lib/forms/failure";
import type { FormState } from "@/lib/forms/state";
import { readServiceForm, SERVICE_FIELD_LABELS, serviceFormValuesOf, sloTargetOf, type ServiceFormValues } from "../form-values";
import { ServiceVersionConflictError, updateService } from "../mutations";

/** version is the one the form now edits; conflict, set when someone saved first, the service as it now is. */
export type UpdateServiceState = FormState<{ values: ServiceFormValues; version: number; conflict: ServiceFormValues }>;

// The edit form sends name, team and SLO target; the retire button sends `retired` alone.
function patchOf(form: FormData, values: ServiceFormValues) {
  const version = Number(form.get("version"));
  const retired = form.get("retired");
  if (retired === "true" || retired === "false") return { version, retired: retired === "true" };
  return { version, name: values.name, team: values.team, sloTarget: sloTargetOf(values.sloTargetPercent) };
}

export const updateServiceAction = authorizedAction(
  "service:manage",
  async (actor, _previous: UpdateServiceState | undefined, form: FormData): Promise<UpdateServiceState> => {
    if (!(form instanceof FormData)) return { error: "Nothing was sent: open the form and save again." };
    const slug = String(form.get("service") ?? "");
    const values = readServiceForm(form);
    try {
      const service = await updateService(db, slug, patchOf(form, values), actor);
      revalidatePath("/services", "layout");
      revalidatePath("/teams");
      const what = service.retiredAt ? `${service.name} is retired.` : "Saved.";
      return { ok: what, version: service.version, values: serviceFormValuesOf(service) };
    } catch (error) {
      if (error instanceof ServiceVersionConflictError) {
        // Saving again applies the kept values over the newer version, knowingly.
        return {
          error: `Not saved: ${error.message} Your values are still in the form; compare them with the current ones and save again to apply them.`,
          values,
          version: error.current.version,
          conflict: serviceFormValuesOf(error.current),
        };
      }
      return { ...formFailure(error, "Not saved", values, (errors) => `: ${describeFieldErrors(errors, SERVICE_FIELD_LABELS)}`), values };
    }
  },
);
