"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "@/lib/actions/authorized-action";
import { mintApiToken } from "@/features/tokens/mutations";
import { db } from "@/lib/db";
import { ValidationError } from "@/lib/errors";
import type { FieldErrors } from "@/lib/validation";

export type MintApiTokenState = {
  fieldErrors: FieldErrors;
  values: { name?: string; role?: string };
  message?: string;
  /** The new token, shown this once: only its hash is kept. */
  minted?: { id: string; name: string; role: string; token: string };
};

export const mintApiTokenAction = authorizedAction(
  "token:manage",
  async (actor, _previous: MintApiTokenState, form: FormData): Promise<MintApiTokenState> => {
    const values = { name: String(form.get("name") ?? ""), role: String(form.get("role") ?? "") };
    try {
      const { id, token } = await mintApiToken(db, { ...values, createdById: actor.userId, actor });
      revalidatePath("/admin/tokens");
      return { fieldErrors: {}, values: {}, minted: { id, name: values.name.trim(), role: values.role, token } };
    } catch (error) {
      if (error instanceof ValidationError) {
        return { fieldErrors: error.fieldErrors, values, message: "No token was minted: correct the fields marked below." };
      }
      console.error("Minting an API token failed", { name: values.name, role: values.role, actor: actor.label }, error);
      return { fieldErrors: {}, values, message: "No token was minted because of a server error. Try again." };
    }
  },
);
