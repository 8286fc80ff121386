"use server";

import { authorizedAction } from "@/lib/actions/authorized-action";
import { db } from "@/lib/db";
import { answerChange } from "@/lib/forms/answer";
import { formText, formValuesOf } from "@/lib/forms/form-data";
import type { FormState } from "@/lib/forms/state";
import { postmortemAnswer, type PostmortemFormExtra } from "../form-answer";
import { postmortemRefFromForm } from "../form-values";
import { moveTimelineEvent } from "../mutations/timeline";

export const moveTimelineEventAction = authorizedAction(
  "postmortem:edit",
  async (actor, _previous: FormState<PostmortemFormExtra>, form: FormData): Promise<FormState<PostmortemFormExtra>> =>
    answerChange(
      () => moveTimelineEvent(db, { ...postmortemRefFromForm(form), eventId: formText(form, "eventId"), direction: formText(form, "direction") }, actor),
      postmortemAnswer("Event moved.", "The event was not moved", formValuesOf(form)),
    ),
);
