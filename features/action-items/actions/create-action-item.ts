"use server";

import { authorizedAction } from "@/lib/actions/authorized-action";
import { db } from "@/lib/db";
import { answerChange } from "@/lib/forms/answer";
import { formValuesOf } from "@/lib/forms/form-data";
import type { FormState } from "@/lib/forms/state";
import { actionItemFailure, revalidateActionItemPages } from "../form-answer";
import { createActionItem } from "../mutations";

export const createActionItemAction = authorizedAction("actionItem:edit", async (actor, _previous: FormState, form: FormData): Promise<FormState> => {
  const values = formValuesOf(form);
  return answerChange(() => createActionItem(db, values, actor), {
    ok: `Action item “${values.title?.trim()}” created.`,
    revalidate: revalidateActionItemPages,
    failure: (error) => actionItemFailure(error, "The action item was not created", values),
  });
});
