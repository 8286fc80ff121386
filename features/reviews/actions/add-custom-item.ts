"use server";

import { authorizedAction } from "@/lib/actions/authorized-action";
import { db } from "@/lib/db";
import { answerChange } from "@/lib/forms/answer";
import { formText, formValuesOf } from "@/lib/forms/form-data";
import type { FormState } from "@/lib/forms/state";
import { addCustomItem } from "../mutations/agenda-edits";
import { reviewAnswer, type ReviewFormExtra } from "../form-answer";

export const addCustomItemAction = authorizedAction(
  "review:manage",
  async (actor, _previous: FormState<ReviewFormExtra> | undefined, form: FormData): Promise<FormState<ReviewFormExtra>> => {
    const values = formValuesOf(form);
    return answerChange(
      () => addCustomItem(db, values, actor),
      reviewAnswer(formText(form, "week"), "Item added at the end of the agenda.", "The item was not added", values),
    );
  },
);
