"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "@/lib/actions/authorized-action";
import { db } from "@/lib/db";
import { describeFieldErrors, formFailure } from "@/lib/forms/failure";
import { formValuesOf } from "@/lib/forms/form-data";
import type { FormState } from "@/lib/forms/state";
import { markNotRepeat } from "../repeats/mutations";

/** A LEAD marks a suggested repeat as not one (incident, earlier, reason): kept and audited. */
export const markNotRepeatAction = authorizedAction("incident:markNotRepeat", async (actor, _previous: FormState, form: FormData): Promise<FormState> => {
  const values = formValuesOf(form);
  try {
    const { changed, incident, earlier } = await markNotRepeat(
      db,
      { incident: values.incident ?? "", earlier: values.earlier ?? "" },
      { reason: values.reason ?? "" },
      actor,
    );
    revalidatePath(`/incidents/${incident}`);
    return { ok: `${earlier} ${changed ? "is now" : "was already"} marked as not a repeat.` };
  } catch (error) {
    return formFailure(error, "Not marked", values, (errors) => `: ${describeFieldErrors(errors, { reason: "Reason" })}`);
  }
});
