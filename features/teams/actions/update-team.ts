"use server";

import { revalidatePath } from "next/cache";
import { db } from "@/lib/db";
import { describeFieldErrors, formFailure } from "@/lib/forms/failure";
import type { FormState } from "@/lib/forms/state";
import { readTeamForm, TEAM_FIELD_LABELS } from "../form-values";
import { catalogueUpdateAction } from "../catalogue-update-action";
import { TeamVersionConflictError, updateTeam } from "../mutations";

/** conflict is set when someone saved first: the team's name as it now is. */
export type UpdateTeamState = FormState<{ version: number; conflict: { name: string } }>;

// The rename form sends a name; the retire button sends `retired` alone.
export const updateTeamAction = catalogueUpdateAction("team", async (actor, edit, form): Promise<UpdateTeamState> => {
  const values = readTeamForm(form);
  const patch = edit.retired === undefined ? { version: edit.version, name: values.name } : { version: edit.version, retired: edit.retired };
  try {
    const team = await updateTeam(db, edit.slug, patch, actor);
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
});
