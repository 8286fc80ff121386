"use server";

import { authorizedAction } from "@/lib/actions/authorized-action";
import { db } from "@/lib/db";
import { answerPostmortemChange, type PostmortemFormState } from "../action-state";
import { formValuesOf, timelineEventInputFromForm } from "../form-values";
import { editTimelineEvent } from "../mutations";

export const editTimelineEventAction = authorizedAction(
  "postmortem:edit",
  async (actor, _previous: PostmortemFormState, form: FormData): Promise<PostmortemFormState> =>
    answerPostmortemChange(() => editTimelineEvent(db, timelineEventInputFromForm(form), actor), { ok: "Event saved.", failure: "The event was not saved" }, formValuesOf(form)),
);
