"use server";

import { authorizedAction } from "@/lib/actions/authorized-action";
import { db } from "@/lib/db";
import { answerChange } from "@/lib/forms/answer";
import { formText, formValuesOf } from "@/lib/forms/form-data";
import type { FormState } from "@/lib/forms/state";
import { reorderAgenda } from "../mutations/agenda-edits";
import { reviewAnswer, type ReviewFormExtra } from "../form-answer";

export const reorderAgendaAction = authorizedAction(
  "review:manage",
  async (actor, _previous: FormState<ReviewFormExtra> | undefined, form: FormData): Promise<FormState<ReviewFormExtra>> => {
    const values = formValuesOf(form);
    const handles = form.getAll("handles").filter((h) => typeof h === "string");
    return answerChange(
      () => reorderAgenda(db, { ...values, handles }, actor),
      reviewAnswer(formText(form, "week"), "Agenda reordered.", "The agenda was not reordered", values),
    );
  },
);
