"use server";

import { authorizedAction } from "@/lib/actions/authorized-action";
import { db } from "@/lib/db";
import { answerChange } from "@/lib/forms/answer";
import { formValuesOf } from "@/lib/forms/form-data";
import type { FormState } from "@/lib/forms/state";
import { postmortemAnswer, type PostmortemFormExtra } from "../form-answer";
import { postmortemRefFromForm } from "../form-values";
import { sendBackPostmortem } from "../mutations/transitions";

export const sendBackPostmortemAction = authorizedAction(
  "postmortem:edit",
  async (actor, _previous: FormState<PostmortemFormExtra>, form: FormData): Promise<FormState<PostmortemFormExtra>> =>
    answerChange(
      () => sendBackPostmortem(db, postmortemRefFromForm(form), actor),
      postmortemAnswer("Sent back to draft.", "The postmortem was not sent back", formValuesOf(form)),
    ),
);
