"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { authorizedAction } from "@/lib/actions/authorized-action";
import { db } from "@/lib/db";
import { describeFieldErrors, formFailure } from "@/lib/forms/failure";
import type { FormState } from "@/lib/forms/state";
import { createTeam } from "../mutations";
import { readTeamForm, TEAM_FIELD_LABELS } from "../form-values";

export const createTeamAction = authorizedAction("service:manage", async (actor, _previous: FormState | undefined, form: FormData): Promise<FormState> => {
  if (!(form instanceof FormData)) return { error: "Nothing was sent: open the form and save again." };
  const values = readTeamForm(form);
  try {
    await createTeam(db, values, actor);
  } catch (error) {
    return formFailure(error, "Not created", values, (errors) => `: ${describeFieldErrors(errors, TEAM_FIELD_LABELS)}`);
  }
  revalidatePath("/teams");
  redirect("/teams");
});
