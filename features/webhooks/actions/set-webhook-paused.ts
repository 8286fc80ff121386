"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "@/lib/actions/authorized-action";
import { db } from "@/lib/db";
import { formFailure } from "@/lib/forms/failure";
import { formText } from "@/lib/forms/form-data";
import type { FormState } from "@/lib/forms/state";
import { updateWebhook } from "../mutations/webhooks";

/** Pauses (paused=true) or resumes a webhook at the version the page showed; someone's save since is a refusal in words. */
export const setWebhookPausedAction = authorizedAction(
  "settings:manage",
  async (actor, _previous: FormState | undefined, form: FormData): Promise<FormState> => {
    const id = formText(form, "id");
    const paused = formText(form, "paused") === "true";
    try {
      await updateWebhook(db, actor, id, { paused }, Number(formText(form, "version")));
      revalidatePath("/admin/webhooks");
      revalidatePath(`/admin/webhooks/${id}`);
      return { ok: paused ? "Paused." : "Resumed." };
    } catch (error) {
      return formFailure(error, paused ? "Not paused" : "Not resumed", undefined, () => "");
    }
  },
);
