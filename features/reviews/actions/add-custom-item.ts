"use server";

import { formText, formValuesOf } from "@/features/postmortems/form-values";
import { authorizedAction } from "@/lib/actions/authorized-action";
import { db } from "@/lib/db";
import { addCustomItem } from "../mutations/agenda-edits";
import { answerReviewChange, type ReviewFormState } from "../action-state";

export const addCustomItemAction = authorizedAction(
  "review:manage",
  async (actor, _previous: ReviewFormState | undefined, form: FormData): Promise<ReviewFormState> => {
    const values = formValuesOf(form);
    return answerReviewChange(formText(form, "week"), () => addCustomItem(db, values, actor), { ok: "Item added at the end of the agenda.", failure: "The item was not added" }, values);
  },
);
