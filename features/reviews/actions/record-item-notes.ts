"use server";

import { formText, formValuesOf } from "@/features/postmortems/form-values";
import { authorizedAction } from "@/lib/actions/authorized-action";
import { db } from "@/lib/db";
import { recordItemNotes } from "../mutations/item-edits";
import { answerReviewChange, type ReviewFormState } from "../action-state";

export const recordItemNotesAction = authorizedAction(
  "review:manage",
  async (actor, _previous: ReviewFormState | undefined, form: FormData): Promise<ReviewFormState> => {
    const values = formValuesOf(form);
    return answerReviewChange(formText(form, "week"), () => recordItemNotes(db, values, actor), { ok: "Notes and decision saved.", failure: "The notes were not saved" }, values);
  },
);
