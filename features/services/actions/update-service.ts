"use server";

import { revalidatePath } from "next/cache";
import { db } from "@/lib/db";
import { describeFieldErrors, formFailure } from "@/lib/forms/failure";
import type { FormState } from "@/lib/forms/state";
import { readServiceForm, SERVICE_FIELD_LABELS, serviceFormValuesOf, sloTargetOf, type ServiceFormValues } from "../form-values";
import { catalogueUpdateAction } from "@/features/teams/catalogue-update-action";
import { ServiceVersionConflictError, updateService } from "../mutations";

/** version is the one the form now edits; conflict, set when someone saved first, the service as it now is. */
export type UpdateServiceState = FormState<{ values: ServiceFormValues; version: number; conflict: ServiceFormValues }>;

// The edit form sends name, team and SLO target; the retire button sends `retired` alone.
export const updateServiceAction = catalogueUpdateAction("service", async (actor, edit, form): Promise<UpdateServiceState> => {
  const values = readServiceForm(form);
  const patch =
    edit.retired === undefined
      ? { version: edit.version, name: values.name, team: values.team, sloTarget: sloTargetOf(values.sloTargetPercent) }
      : { version: edit.version, retired: edit.retired };
  try {
    const service = await updateService(db, edit.slug, patch, actor);
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
});
