"use server";

import { authorizedAction } from "@/lib/actions/authorized-action";
import { db } from "@/lib/db";
import { answerPostmortemChange, type PostmortemFormState } from "../action-state";
import { formText, formValuesOf, postmortemRefFromForm } from "../form-values";
import { deleteTimelineEvent } from "../mutations";

export const deleteTimelineEventAction = authorizedAction(
  "postmortem:edit",
  async (actor, _previous: PostmortemFormState, form: FormData): Promise<PostmortemFormState> =>
    answerPostmortemChange(() => deleteTimelineEvent(db, { ...postmortemRefFromForm(form), eventId: formText(form, "eventId") }, actor), { ok: "Event deleted.", failure: "The event was not deleted" }, formValuesOf(form)),
);
