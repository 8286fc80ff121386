"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { authorizedAction } from "@/lib/actions/authorized-action";
import { db } from "@/lib/db";
import { RuleViolationError, ValidationError } from "@/lib/errors";
import { incidentFormErrors } from "../check";
import { incidentInputFromForm, postedIncidentValues, type IncidentFormState } from "../form-values";
import { fileIncident } from "../mutations";

export const fileIncidentAction = authorizedAction(
  "incident:create",
  async (actor, _previous: IncidentFormState, form: FormData): Promise<IncidentFormState> => {
    const values = postedIncidentValues(form);
    // Every problem in the form's own words at once, before the filing checks them again.
    const fieldErrors = incidentFormErrors(values, new Date());
    if (fieldErrors) return { fieldErrors, values };
    let reference: string;
    try {
      reference = (await fileIncident(db, incidentInputFromForm(values), actor)).reference;
    } catch (error) {
      if (error instanceof ValidationError || error instanceof RuleViolationError) {
        return { fieldErrors: error.fieldErrors, values };
      }
      console.error("Filing an incident failed", error);
      return { values, error: "The incident could not be saved because of a server error. Nothing was filed; try again." };
    }
    revalidatePath("/incidents");
    redirect(`/incidents/${reference}`);
  },
);
