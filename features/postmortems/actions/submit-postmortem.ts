"use server";

import { authorizedAction } from "@/lib/actions/authorized-action";
import { db } from "@/lib/db";
import { answerChange } from "@/lib/forms/answer";
import { formValuesOf } from "@/lib/forms/form-data";
import type { FormState } from "@/lib/forms/state";
import { postmortemAnswer, type PostmortemFormExtra } from "../form-answer";
import { postmortemRefFromForm } from "../form-values";
import { submitPostmortem } from "../mutations/transitions";

export const submitPostmortemAction = authorizedAction(
  "postmortem:edit",
  async (actor, _previous: FormState<PostmortemFormExtra>, form: FormData): Promise<FormState<PostmortemFormExtra>> =>
    answerChange(
      () => submitPostmortem(db, postmortemRefFromForm(form), actor),
      postmortemAnswer("Submitted for review.", "The postmortem was not submitted", formValuesOf(form)),
    ),
);
