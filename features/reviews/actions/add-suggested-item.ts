"use server";

import { authorizedAction } from "@/lib/actions/authorized-action";
import { db } from "@/lib/db";
import { answerChange } from "@/lib/forms/answer";
import { formText, formValuesOf } from "@/lib/forms/form-data";
import type { FormState } from "@/lib/forms/state";
import { addSuggestedItem } from "../mutations/agenda-edits";
import { reviewAnswer, type ReviewFormExtra } from "../form-answer";

export const addSuggestedItemAction = authorizedAction(
  "review:manage",
  async (actor, _previous: FormState<ReviewFormExtra> | undefined, form: FormData): Promise<FormState<ReviewFormExtra>> => {
    const values = formValuesOf(form);
    return answerChange(
      () => addSuggestedItem(db, values, actor),
      reviewAnswer(formText(form, "week"), "Added to the agenda.", "The item was not added", values),
    );
  },
);
