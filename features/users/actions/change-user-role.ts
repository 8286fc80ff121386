"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "@/lib/actions/authorized-action";
import { db } from "@/lib/db";
import { ConflictError, NotFoundError, RuleViolationError, ValidationError } from "@/lib/errors";
import { formText } from "@/lib/forms/form-data";
import type { FormState } from "@/lib/forms/state";
import { changeUserRole } from "../mutations";

export const changeUserRoleAction = authorizedAction("user:manage", async (actor, _previous: FormState, form: FormData): Promise<FormState> => {
  const version = formText(form, "version");
  const input = {
    userId: formText(form, "userId"),
    role: form.get("role"),
    version: version !== "" ? Number(version) : undefined,
  };
  try {
    const user = await changeUserRole(db, input, actor);
    revalidatePath("/admin/users");
    return { ok: user.changed ? `${user.email} is now ${user.role}.` : `${user.email} already has the role ${user.role}.` };
  } catch (error) {
    if (error instanceof ValidationError || error instanceof RuleViolationError) {
      const messages = Object.entries(error.fieldErrors).map(([field, list]) => `${field === "role" ? "Role" : field}: ${list.join("; ")}`);
      return { error: `Role not changed. ${messages.join(". ")}.` };
    }
    if (error instanceof NotFoundError) return { error: "Role not changed: this user no longer exists. Reload the page." };
    if (error instanceof ConflictError) return { error: `Role not changed: ${error.message}` };
    console.error("Changing a user's role failed", { userId: input.userId, actor: actor.label }, error);
    return { error: "Role not changed because of a server error. Try again." };
  }
});
