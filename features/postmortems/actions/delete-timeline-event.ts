"use server";

import { authorizedAction } from "@/lib/actions/authorized-action";
import { db } from "@/lib/db";
import { answerChange } from "@/lib/forms/answer";
import { formText, formValuesOf } from "@/lib/forms/form-data";
import type { FormState } from "@/lib/forms/state";
import { postmortemAnswer, type PostmortemFormExtra } from "../form-answer";
import { postmortemRefFromForm } from "../form-values";
import { deleteTimelineEvent } from "../mutations/timeline";

export const deleteTimelineEventAction = authorizedAction(
  "postmortem:edit",
  async (actor, _previous: FormState<PostmortemFormExtra>, form: FormData): Promise<FormState<PostmortemFormExtra>> =>
    answerChange(
      () => deleteTimelineEvent(db, { ...postmortemRefFromForm(form), eventId: formText(form, "eventId") }, actor),
      postmortemAnswer("Event deleted.", "The event was not deleted", formValuesOf(form)),
    ),
);
