"use server";

import { authorizedAction } from "@/lib/actions/authorized-action";
import { db } from "@/lib/db";
import { answerPostmortemChange, type PostmortemFormState } from "../action-state";
import { formValuesOf, timelineEventInputFromForm } from "../form-values";
import { addTimelineEvent } from "../mutations";

export const addTimelineEventAction = authorizedAction(
  "postmortem:edit",
  async (actor, _previous: PostmortemFormState, form: FormData): Promise<PostmortemFormState> =>
    answerPostmortemChange(() => addTimelineEvent(db, timelineEventInputFromForm(form), actor), { ok: "Event added to the timeline.", failure: "The event was not added" }, formValuesOf(form)),
);
