"use server";

import { authorizedAction } from "@/lib/actions/authorized-action";
import { db } from "@/lib/db";
import { formValuesOf } from "@/features/postmortems/form-values";
import { actionItemFailure, revalidateActionItemPages, type ActionItemFormState } from "../action-state";
import { createActionItem } from "../mutations";

export const createActionItemAction = authorizedAction(
  "actionItem:edit",
  async (actor, _previous: ActionItemFormState, form: FormData): Promise<ActionItemFormState> => {
    const values = formValuesOf(form);
    try {
      await createActionItem(db, values, actor);
    } catch (error) {
      return actionItemFailure(error, "The action item was not created", values);
    }
    revalidateActionItemPages();
    return { ok: `Action item “${values.title?.trim()}” created.` };
  },
);
