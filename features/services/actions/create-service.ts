"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { authorizedAction } from "@/lib/actions/authorized-action";
import { db } from "@/lib/db";
import { describeFieldErrors, formFailure } from "@/lib/forms/failure";
import type { FormState } from "@/lib/forms/state";
import { readServiceForm, SERVICE_FIELD_LABELS, sloTargetOf, type ServiceFormValues } from "../form-values";
import { createService } from "../mutations";

export type CreateServiceState = FormState<{ values: ServiceFormValues }>;

/** Creates a service in an existing team, then opens its page. */
export const createServiceAction = authorizedAction(
  "service:manage",
  async (actor, _previous: CreateServiceState | undefined, form: FormData): Promise<CreateServiceState> => {
    if (!(form instanceof FormData)) return { error: "Nothing was sent: open the form and save again." };
    const values = readServiceForm(form);
    let slug: string;
    try {
      const input = {
        slug: values.slug,
        name: values.name,
        team: values.team,
        sloTarget: values.sloTargetPercent === "" ? undefined : sloTargetOf(values.sloTargetPercent),
      };
      slug = (await createService(db, input, actor, { createTeam: false })).slug;
    } catch (error) {
      return { ...formFailure(error, "Not created", values, (errors) => `: ${describeFieldErrors(errors, SERVICE_FIELD_LABELS)}`), values };
    }
    revalidatePath("/services");
    redirect(`/services/${slug}`);
  },
);
