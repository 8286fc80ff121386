"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "@/lib/actions/authorized-action";
import { db } from "@/lib/db";
import { ValidationError } from "@/lib/errors";
import { formText } from "@/lib/forms/form-data";
import type { FormState } from "@/lib/forms/state";
import type { FieldErrors } from "@/lib/validation";
import { createWebhook } from "../mutations/webhooks";

/** The webhook just added, with its secret: shown this once. */
export type AddedWebhook = { id: string; url: string; secret: string };
export type AddWebhookState = FormState<{ added: AddedWebhook; events: string[] }>;

// The form shows one message per field: events.1 and the like are about the event checkboxes.
const byFormField = (errors: FieldErrors): FieldErrors =>
  Object.entries(errors).reduce<FieldErrors>((all, [field, messages]) => {
    const key = field.startsWith("events.") ? "events" : field;
    all[key] = [...(all[key] ?? []), ...messages];
    return all;
  }, {});

export const addWebhookAction = authorizedAction(
  "settings:manage",
  async (actor, _previous: AddWebhookState | undefined, form: FormData): Promise<AddWebhookState> => {
    const values = { url: formText(form, "url"), format: formText(form, "format") };
    const events = form.getAll("events").filter((value): value is string => typeof value === "string");
    const secret = formText(form, "secret").trim();
    try {
      const { webhook, secret: shown } = await createWebhook(db, actor, { ...values, events, format: values.format, ...(secret ? { secret } : {}) });
      revalidatePath("/admin/webhooks");
      return { ok: "Webhook added.", added: { id: webhook.id, url: webhook.url, secret: shown } };
    } catch (error) {
      if (error instanceof ValidationError) {
        return { error: "The webhook was not added: correct the fields marked below.", fieldErrors: byFormField(error.fieldErrors), values, events };
      }
      console.error("Adding a webhook failed", { url: values.url, actor: actor.label }, error);
      return { error: "The webhook was not added because of a server error. Try again.", values, events };
    }
  },
);
