"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "@/lib/actions/authorized-action";
import { db } from "@/lib/db";
import { NotFoundError, RuleViolationError, ValidationError } from "@/lib/errors";
import { formText } from "@/lib/forms/form-data";
import type { FormState } from "@/lib/forms/state";
import { setUserActive } from "../mutations";

export const setUserActiveAction = authorizedAction("user:manage", async (actor, _previous: FormState, form: FormData): Promise<FormState> => {
  const active = form.get("active");
  const input = { userId: formText(form, "userId"), active: active === "true" ? true : active === "false" ? false : active };
  const verb = input.active === true ? "reactivated" : "deactivated";
  try {
    const user = await setUserActive(db, input, actor);
    revalidatePath("/admin/users");
    if (!user.changed) return { ok: `${user.email} was already ${verb}.` };
    return { ok: user.active ? `${user.email} is reactivated.` : `${user.email} is deactivated: signed out everywhere and their API tokens revoked.` };
  } catch (error) {
    if (error instanceof ValidationError || error instanceof RuleViolationError) {
      return { error: `Not ${verb}: ${Object.values(error.fieldErrors).flat().join("; ")}.` };
    }
    if (error instanceof NotFoundError) return { error: `Not ${verb}: this user no longer exists. Reload the page.` };
    console.error("Changing whether a user is active failed", { userId: input.userId, actor: actor.label }, error);
    return { error: `Not ${verb} because of a server error. Try again.` };
  }
});
