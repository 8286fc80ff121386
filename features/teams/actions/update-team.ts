"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "@/lib/actions/authorized-action";
import { db } from "@/lib/db";
import { describeFieldErrors, formFailure } from "@/lib/forms/failure";
import type { FormState } from "@/lib/forms/state";
import { readTeamForm, TEAM_FIELD_LABELS } from "../form-values";
import { TeamVersionConflictError, updateTeam } from "../mutations";

/** conflict is set when someone saved first: the team's name as it now is. */
export type UpdateTeamState = FormState<{ version: number; conflict: { name: string } }>;

// The rename form sends a name; the retire button sends `retired` alone.
function patchOf(form: FormData, name: string) {
  const version = Number(form.get("version"));
  const retired = form.get("retired");
  return retired === "true" || retired === "false" ? { version, retired: retired === "true" } : { version, name };
}

export const updateTeamAction = authorizedAction(
  "service:manage",
  async (actor, _previous: UpdateTeamState | undefined, form: FormData): Promise<UpdateTeamState> => {
    if (!(form instanceof FormData)) return { error: "Nothing was sent: open the form and save again." };
    const slug = String(form.get("team") ?? "");
    const values = readTeamForm(form);
    try {
      const team = await updateTeam(db, slug, patchOf(form, values.name), actor);
      revalidatePath("/teams", "layout");
      revalidatePath("/services", "layout");
      return { ok: team.retiredAt ? `${team.name} is retired.` : "Saved.", version: team.version, values: { name: team.name } };
    } catch (error) {
      if (error instanceof TeamVersionConflictError) {
        return {
          error: `Not saved: ${error.message} Your name is still in the form; save again to apply it.`,
          values,
          version: error.current.version,
          conflict: { name: error.current.name },
        };
      }
      return formFailure(error, "Not saved", values, (errors) => `: ${describeFieldErrors(errors, TEAM_FIELD_LABELS)}`);
    }
  },
);
