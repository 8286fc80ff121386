"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { authorizedAction } from "@/lib/actions/authorized-action";
import { db } from "@/lib/db";
import { describeFieldErrors, formFailure, type FormFailure } from "@/lib/forms/failure";
import { createTeam } from "../mutations";
import { readTeamForm, TEAM_FIELD_LABELS } from "../form-values";

export type CreateTeamState = Partial<FormFailure>;

export const createTeamAction = authorizedAction("service:manage", async (actor, _previous: CreateTeamState | undefined, form: FormData): Promise<CreateTeamState> => {
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
