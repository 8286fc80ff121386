"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "@/lib/actions/authorized-action";
import { db } from "@/lib/db";
import { StaleVersionError } from "@/lib/errors";
import { answerChange } from "@/lib/forms/answer";
import { describeFieldErrors, formFailure } from "@/lib/forms/failure";
import { formText } from "@/lib/forms/form-data";
import type { FormState } from "@/lib/forms/state";
import type { PagerDutyCurrent } from "../components/pagerduty-conflict";
import { savePagerDutySettings } from "../mutations";
import type { PagerDutySettingsView } from "../reads";
import { pagerDutyFieldLabel, pagerDutyInputOf, readPagerDutyForm, type PagerDutyFormValues } from "../settings-form-values";

/**
 * The form's answer. `kept` is what the user typed, shown again after a refusal; `version` the
 * one the form now edits; `conflict` the settings as someone else saved them first.
 */
export type SavePagerDutySettingsState = FormState<{ version: number; kept: PagerDutyFormValues; conflict: PagerDutyCurrent }>;

const describe = (errors: Record<string, string[]>) =>
  `: ${describeFieldErrors(errors, Object.fromEntries(Object.keys(errors).map((field) => [field, pagerDutyFieldLabel(field)])))}`;

export const savePagerDutySettingsAction = authorizedAction(
  "settings:manage",
  async (actor, _previous: SavePagerDutySettingsState | undefined, form: FormData): Promise<SavePagerDutySettingsState> => {
    if (!(form instanceof FormData)) return { error: "Nothing was sent: open the integrations page and save again." };
    const kept = readPagerDutyForm(form);
    const version = Number(formText(form, "version"));
    // A save over someone else's comes back as a StaleVersionError holding their settings.
    const save = () => savePagerDutySettings(db, actor, pagerDutyInputOf(kept), Number.isInteger(version) ? version : undefined);
    return answerChange<Omit<SavePagerDutySettingsState, "version">>(save, {
      ok: "PagerDuty settings saved.",
      revalidate: () => revalidatePath("/admin/integrations"),
      failure: (error) => {
        if (error instanceof StaleVersionError) {
          const current = error.current as PagerDutySettingsView;
          return { error: `Not saved: ${error.message}`, kept, version: current.version, conflict: current };
        }
        return { ...formFailure(error, "Not saved", undefined, describe), kept };
      },
    });
  },
);
