"use server";

import { authorizedAction } from "@/lib/actions/authorized-action";
import { db } from "@/lib/db";
import { actionItemLabel } from "@/lib/domain/action-item-enums";
import { formValuesOf } from "@/lib/forms/form-data";
import type { FormState } from "@/lib/forms/state";
import { actionItemFailure, revalidateActionItemPages } from "../form-answer";
import { changeActionItemStatus } from "../mutations";

// Not answerChange: what the form hears depends on whether the status really moved.
export const changeActionItemStatusAction = authorizedAction("actionItem:edit", async (actor, _previous: FormState, form: FormData): Promise<FormState> => {
  const values = formValuesOf(form);
  try {
    const { changed, status } = await changeActionItemStatus(db, values, actor);
    revalidateActionItemPages();
    return { ok: `${changed ? "Now" : "Already"} ${actionItemLabel(status)}.` };
  } catch (error) {
    return actionItemFailure(error, "Status not changed", values);
  }
});
