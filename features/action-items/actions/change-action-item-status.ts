"use server";

import { authorizedAction } from "@/lib/actions/authorized-action";
import { db } from "@/lib/db";
import { formValuesOf } from "@/features/postmortems/form-values";
import { actionItemFailure, revalidateActionItemPages, type ActionItemFormState } from "../action-state";
import { actionItemLabel } from "@/lib/domain/action-item-enums";
import { changeActionItemStatus } from "../mutations";

export const changeActionItemStatusAction = authorizedAction(
  "actionItem:edit",
  async (actor, _previous: ActionItemFormState, form: FormData): Promise<ActionItemFormState> => {
    const values = formValuesOf(form);
    try {
      const result = await changeActionItemStatus(db, values, actor);
      revalidateActionItemPages();
      return { ok: result.changed ? `Now ${actionItemLabel(result.status)}.` : `Already ${actionItemLabel(result.status)}.` };
    } catch (error) {
      return actionItemFailure(error, "Status not changed", values);
    }
  },
);
