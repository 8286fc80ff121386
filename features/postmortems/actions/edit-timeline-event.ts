"use server";

import { authorizedAction } from "@/lib/actions/authorized-action";
import { db } from "@/lib/db";
import { answerChange } from "@/lib/forms/answer";
import { formValuesOf } from "@/lib/forms/form-data";
import type { FormState } from "@/lib/forms/state";
import { postmortemAnswer, type PostmortemFormExtra } from "../form-answer";
import { timelineEventInputFromForm } from "../form-values";
import { editTimelineEvent } from "../mutations/timeline";

export const editTimelineEventAction = authorizedAction(
  "postmortem:edit",
  async (actor, _previous: FormState<PostmortemFormExtra>, form: FormData): Promise<FormState<PostmortemFormExtra>> =>
    answerChange(
      () => editTimelineEvent(db, timelineEventInputFromForm(form), actor),
      postmortemAnswer("Event saved.", "The event was not saved", formValuesOf(form)),
    ),
);
