"use server";

import { authorizedAction } from "@/lib/actions/authorized-action";
import { db } from "@/lib/db";
import { answerChange } from "@/lib/forms/answer";
import { formText, formValuesOf } from "@/lib/forms/form-data";
import type { FormState } from "@/lib/forms/state";
import { recordItemNotes } from "../mutations/item-edits";
import { reviewAnswer, type ReviewFormExtra } from "../form-answer";

export const recordItemNotesAction = authorizedAction(
  "review:manage",
  async (actor, _previous: FormState<ReviewFormExtra> | undefined, form: FormData): Promise<FormState<ReviewFormExtra>> => {
    const values = formValuesOf(form);
    return answerChange(
      () => recordItemNotes(db, values, actor),
      reviewAnswer(formText(form, "week"), "Notes and decision saved.", "The notes were not saved", values),
    );
  },
);
