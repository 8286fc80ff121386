"use server";

import { revalidateActionItemPages } from "@/features/action-items/action-state";
import { formText, formValuesOf } from "@/features/postmortems/form-values";
import { authorizedAction } from "@/lib/actions/authorized-action";
import { db } from "@/lib/db";
import { createMeetingActionItem } from "../mutations/meeting-action-item";
import { answerReviewChange, type ReviewFormState } from "../action-state";

export const createMeetingActionItemAction = authorizedAction(
  "review:manage",
  async (actor, _previous: ReviewFormState | undefined, form: FormData): Promise<ReviewFormState> => {
    const values = formValuesOf(form);
    const week = formText(form, "week");
    const landsOn = values.incidentReference ? `added to ${values.incidentReference}` : `recorded as a follow-up of review ${week}`;
    const state = await answerReviewChange(
      week,
      () => createMeetingActionItem(db, values, actor),
      { ok: `Action item “${values.title?.trim() ?? ""}” ${landsOn}.`, failure: "The action item was not created" },
      values,
    );
    if (state.ok) revalidateActionItemPages();
    return state;
  },
);
