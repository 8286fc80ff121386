"use server";

import { authorizedAction } from "@/lib/actions/authorized-action";
import { db } from "@/lib/db";
import { answerChange } from "@/lib/forms/answer";
import { formText, formValuesOf } from "@/lib/forms/form-data";
import type { FormState } from "@/lib/forms/state";
import { goToAgendaItem } from "../mutations/meeting";
import { reviewAnswer, type ReviewFormExtra } from "../form-answer";

export const goToAgendaItemAction = authorizedAction(
  "review:manage",
  async (actor, _previous: FormState<ReviewFormExtra> | undefined, form: FormData): Promise<FormState<ReviewFormExtra>> => {
    const values = formValuesOf(form);
    return answerChange(
      () => goToAgendaItem(db, values, actor),
      reviewAnswer(formText(form, "week"), "Moved on.", "The meeting did not move to that item", values),
    );
  },
);
