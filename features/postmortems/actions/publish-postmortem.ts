"use server";

import { authorizedAction } from "@/lib/actions/authorized-action";
import { db } from "@/lib/db";
import { answerChange } from "@/lib/forms/answer";
import { formText, formValuesOf } from "@/lib/forms/form-data";
import type { FormState } from "@/lib/forms/state";
import { postmortemAnswer, type PostmortemFormExtra } from "../form-answer";
import { postmortemRefFromForm } from "../form-values";
import { publishPostmortem } from "../mutations/transitions";

export const publishPostmortemAction = authorizedAction(
  "postmortem:publish",
  async (actor, _previous: FormState<PostmortemFormExtra>, form: FormData): Promise<FormState<PostmortemFormExtra>> =>
    answerChange(
      () => publishPostmortem(db, { ...postmortemRefFromForm(form), noActionNeededReason: formText(form, "noActionNeededReason") }, actor),
      postmortemAnswer("Published.", "The postmortem was not published", formValuesOf(form)),
    ),
);
