"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "@/lib/actions/authorized-action";
import { mintApiToken } from "@/features/tokens/mutations";
import { db } from "@/lib/db";
import { ValidationError } from "@/lib/errors";
import { formText } from "@/lib/forms/form-data";
import type { FormState } from "@/lib/forms/state";

/** The new token, shown this once: only its hash is kept. */
export type MintedToken = { id: string; name: string; role: string; token: string };

export const mintApiTokenAction = authorizedAction(
  "token:manage",
  async (actor, _previous: FormState<{ minted: MintedToken }>, form: FormData): Promise<FormState<{ minted: MintedToken }>> => {
    const values = { name: formText(form, "name"), role: formText(form, "role") };
    try {
      const { id, token } = await mintApiToken(db, { ...values, createdById: actor.userId, actor });
      revalidatePath("/admin/tokens");
      return { minted: { id, name: values.name.trim(), role: values.role, token } };
    } catch (error) {
      if (error instanceof ValidationError) {
        return { fieldErrors: error.fieldErrors, values, error: "No token was minted: correct the fields marked below." };
      }
      console.error("Minting an API token failed", { name: values.name, role: values.role, actor: actor.label }, error);
      return { values, error: "No token was minted because of a server error. Try again." };
    }
  },
);
