"use server";

import { authorizedAction } from "@/lib/actions/authorized-action";
import { db } from "@/lib/db";
import { answerChange } from "@/lib/forms/answer";
import { formText, formValuesOf } from "@/lib/forms/form-data";
import type { FormState } from "@/lib/forms/state";
import { removeAgendaItem } from "../mutations/agenda-edits";
import { reviewAnswer, type ReviewFormExtra } from "../form-answer";

export const removeAgendaItemAction = authorizedAction(
  "review:manage",
  async (actor, _previous: FormState<ReviewFormExtra> | undefined, form: FormData): Promise<FormState<ReviewFormExtra>> => {
    const values = formValuesOf(form);
    return answerChange(() => removeAgendaItem(db, values, actor), reviewAnswer(formText(form, "week"), "Item removed.", "The item was not removed", values));
  },
);
