"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "@/lib/actions/authorized-action";
import { db } from "@/lib/db";
import { formFailure } from "@/lib/forms/failure";
import { formText } from "@/lib/forms/form-data";
import type { FormState } from "@/lib/forms/state";
import { sendTestEvent } from "../mutations/webhooks";

/** Queues a test event for one webhook; the background job sends it and the delivery log shows how it went. */
export const sendTestEventAction = authorizedAction("settings:manage", async (actor, _previous: FormState | undefined, form: FormData): Promise<FormState> => {
  const id = formText(form, "id");
  try {
    await sendTestEvent(db, actor, id);
    revalidatePath(`/admin/webhooks/${id}`);
    return { ok: "Test queued: its delivery shows in the log." };
  } catch (error) {
    return formFailure(error, "No test sent", undefined, () => "");
  }
});
