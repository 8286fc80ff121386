"use server";

import { revalidateActionItemPages } from "@/features/action-items/form-answer";
import { authorizedAction } from "@/lib/actions/authorized-action";
import { db } from "@/lib/db";
import { answerChange } from "@/lib/forms/answer";
import { formText, formValuesOf } from "@/lib/forms/form-data";
import type { FormState } from "@/lib/forms/state";
import { createMeetingActionItem } from "../mutations/meeting-action-item";
import { reviewAnswer, type ReviewFormExtra } from "../form-answer";

export const createMeetingActionItemAction = authorizedAction(
  "review:manage",
  async (actor, _previous: FormState<ReviewFormExtra> | undefined, form: FormData): Promise<FormState<ReviewFormExtra>> => {
    const values = formValuesOf(form);
    const week = formText(form, "week");
    const landsOn = values.incidentReference ? `added to ${values.incidentReference}` : `recorded as a follow-up of review ${week}`;
    const state = await answerChange(
      () => createMeetingActionItem(db, values, actor),
      reviewAnswer(week, `Action item “${values.title?.trim() ?? ""}” ${landsOn}.`, "The action item was not created", values),
    );
    if (state.ok) revalidateActionItemPages();
    return state;
  },
);
