"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "@/lib/actions/authorized-action";
import { db } from "@/lib/db";
import { ValidationError } from "@/lib/errors";
import { formText } from "@/lib/forms/form-data";
import type { FormState } from "@/lib/forms/state";
import type { FieldErrors } from "@/lib/validation";
import { readSettingsForm, settingsFormValuesOf, settingsInputOf, type SettingsFormValues } from "../form-values";
import { SettingsVersionConflictError, updateOrganisationSettings } from "../mutations";
import type { SettingsChange } from "../reads";
import { SETTINGS_FIELD_LABELS } from "../schemas";

/**
 * The form's state; its values hold the approval policy as a table, not as text, so they replace
 * FormState's: the user's own values after a refusal, the saved ones after a save.
 */
export type UpdateSettingsState = Omit<
  FormState<{
    /** The version the form now edits. */
    version: number;
    /** Set when someone else saved first: who, when, and the settings as they are now. */
    conflict: { change: SettingsChange | null; current: SettingsFormValues };
  }>,
  "values"
> & { values?: SettingsFormValues };

const fieldList = (errors: FieldErrors) => [...new Set(Object.keys(errors).map((key) => SETTINGS_FIELD_LABELS[key.split(".")[0] ?? key] ?? key))].join(", ");

function savedMessage(result: Awaited<ReturnType<typeof updateOrganisationSettings>>): string {
  if (!result.changed) return "Nothing to save: these are already the settings.";
  const parts = ["Settings saved."];
  if (result.violations) {
    const { flagged, cleared } = result.violations;
    parts.push(`Under the new approval policy ${flagged} more incident(s) are policy violations and ${cleared} no longer are.`);
  }
  if (result.changeViolations && result.changeViolations.flagged + result.changeViolations.cleared > 0) {
    parts.push(`${result.changeViolations.flagged} more recorded change(s) lack the required sign-off and ${result.changeViolations.cleared} no longer do.`);
  }
  if (result.changesRedetected) parts.push(`With the new AI tools, ${result.changesRedetected} recorded change(s) were re-read.`);
  return parts.join(" ");
}

export const updateSettingsAction = authorizedAction(
  "settings:manage",
  async (actor, _previous: UpdateSettingsState | undefined, form: FormData): Promise<UpdateSettingsState> => {
    if (!(form instanceof FormData)) return { error: "Nothing was sent: open the settings page and save again." };
    const values = readSettingsForm(form);
    try {
      const result = await updateOrganisationSettings(db, settingsInputOf(values, formText(form, "version")), actor);
      revalidatePath("/", "layout"); // every figure is bucketed by these settings
      return { values: settingsFormValuesOf(result.values), version: result.version, ok: savedMessage(result) };
    } catch (error) {
      if (error instanceof ValidationError) {
        return { fieldErrors: error.fieldErrors, values, error: `Not saved: correct ${fieldList(error.fieldErrors)}.` };
      }
      if (error instanceof SettingsVersionConflictError) {
        const { current } = error;
        return {
          values,
          // Saving again applies the user's values over the newer version, knowingly.
          version: current.version,
          error: `Not saved: ${error.message} Your values are still in the form; compare them with the current ones below and save again to apply them.`,
          conflict: { change: current.lastChange, current: settingsFormValuesOf(current.values) },
        };
      }
      console.error("Saving the organisation settings failed", { actor: actor.label }, error);
      return { values, error: "Not saved because of a server error. Try again." };
    }
  },
);
