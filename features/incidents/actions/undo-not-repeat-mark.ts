"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "@/lib/actions/authorized-action";
import { db } from "@/lib/db";
import { describeFieldErrors, formFailure } from "@/lib/forms/failure";
import { formValuesOf } from "@/lib/forms/form-data";
import type { FormState } from "@/lib/forms/state";
import { undoNotRepeatMark } from "../repeats/mutations";

/** Undoes a not-a-repeat mark (audited): the pair is a repeat again if the rule still says so. */
export const undoNotRepeatMarkAction = authorizedAction("incident:markNotRepeat", async (actor, _previous: FormState, form: FormData): Promise<FormState> => {
  const values = formValuesOf(form);
  try {
    const { changed, incident, earlier } = await undoNotRepeatMark(db, { incident: values.incident ?? "", earlier: values.earlier ?? "" }, actor);
    revalidatePath(`/incidents/${incident}`);
    return { ok: changed ? `The mark on ${earlier} is undone.` : `${earlier} was not marked any more.` };
  } catch (error) {
    return formFailure(error, "Not undone", values, (errors) => `: ${describeFieldErrors(errors, {})}`);
  }
});
