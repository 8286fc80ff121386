"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "@/lib/actions/authorized-action";
import { db } from "@/lib/db";
import { StaleVersionError } from "@/lib/errors";
import { describeFieldErrors, formFailure } from "@/lib/forms/failure";
import { formText } from "@/lib/forms/form-data";
import type { FormState } from "@/lib/forms/state";
import { saveWebhookSchedule } from "../mutations/schedule";
import type { WebhookScheduleView } from "../reads";
import { scheduleWords } from "../words";

type ScheduleValues = { digestWeekday: string; digestHour: string; reminderHour: string };
export type SaveWebhookScheduleState = FormState<{ version: number; kept: ScheduleValues; conflict: WebhookScheduleView }>;

const FIELD_NAMES = { digestWeekday: "Digest weekday", digestHour: "Digest hour", reminderHour: "Reminder hour" };

/** Saves the schedule at the version the form was opened with; when someone saved first, says what they saved and keeps the form's values. */
export const saveWebhookScheduleAction = authorizedAction(
  "settings:manage",
  async (actor, _previous: SaveWebhookScheduleState | undefined, form: FormData): Promise<SaveWebhookScheduleState> => {
    const kept = { digestWeekday: formText(form, "digestWeekday"), digestHour: formText(form, "digestHour"), reminderHour: formText(form, "reminderHour") };
    const input = Object.fromEntries(Object.entries(kept).map(([key, value]) => [key, /^\d{1,2}$/.test(value) ? Number(value) : value]));
    try {
      const saved = await saveWebhookSchedule(db, actor, input, Number(formText(form, "version")));
      revalidatePath("/admin/webhooks");
      return { ok: "Schedule saved.", version: saved.version };
    } catch (error) {
      if (error instanceof StaleVersionError) {
        const current = error.current as WebhookScheduleView;
        return {
          error: `Not saved: someone saved first. The schedule is now: ${scheduleWords(current)}. Your values are still in the form: save again to apply them.`,
          version: current.version,
          kept,
          conflict: current,
        };
      }
      return { ...formFailure(error, "Not saved", undefined, (errors) => `: ${describeFieldErrors(errors, FIELD_NAMES)}`), kept };
    }
  },
);
