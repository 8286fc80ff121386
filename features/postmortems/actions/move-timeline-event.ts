"use server";

import { authorizedAction } from "@/lib/actions/authorized-action";
import { db } from "@/lib/db";
import { answerPostmortemChange, type PostmortemFormState } from "../action-state";
import { formText, formValuesOf, postmortemRefFromForm } from "../form-values";
import { moveTimelineEvent } from "../mutations";

export const moveTimelineEventAction = authorizedAction(
  "postmortem:edit",
  async (actor, _previous: PostmortemFormState, form: FormData): Promise<PostmortemFormState> =>
    answerPostmortemChange(() => moveTimelineEvent(db, { ...postmortemRefFromForm(form), eventId: formText(form, "eventId"), direction: formText(form, "direction") }, actor), { ok: "Event moved.", failure: "The event was not moved" }, formValuesOf(form)),
);
