"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "@/lib/actions/authorized-action";
import { db } from "@/lib/db";
import { formFailure } from "@/lib/forms/failure";
import { formText } from "@/lib/forms/form-data";
import type { FormState } from "@/lib/forms/state";
import { deleteWebhook } from "../mutations/webhooks";

/** Deletes a webhook and its delivery log, once the person confirmed, at the version the page showed. */
export const deleteWebhookAction = authorizedAction("settings:manage", async (actor, _previous: FormState | undefined, form: FormData): Promise<FormState> => {
  if (formText(form, "confirmed") !== "true") return { error: "Not deleted: confirm the deletion first." };
  try {
    await deleteWebhook(db, actor, formText(form, "id"), Number(formText(form, "version")));
    revalidatePath("/admin/webhooks");
    return { ok: "Deleted." };
  } catch (error) {
    return formFailure(error, "Not deleted", undefined, () => "");
  }
});
