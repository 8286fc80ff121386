"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "@/lib/actions/authorized-action";
import { revokeApiToken } from "@/features/tokens/mutations";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { formText } from "@/lib/forms/form-data";
import type { FormState } from "@/lib/forms/state";

export const revokeApiTokenAction = authorizedAction("token:manage", async (actor, _previous: FormState, form: FormData): Promise<FormState> => {
  const id = formText(form, "id");
  try {
    const revoked = await revokeApiToken(db, id, actor);
    revalidatePath("/admin/tokens");
    return { ok: `"${revoked.name}" is revoked: requests with it are refused from now on.` };
  } catch (error) {
    if (error instanceof NotFoundError) return { error: "Not revoked: this token no longer exists. Reload the page." };
    console.error("Revoking an API token failed", { tokenId: id, actor: actor.label }, error);
    return { error: "Not revoked because of a server error. Try again." };
  }
});
