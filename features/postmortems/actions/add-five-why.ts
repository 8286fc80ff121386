"use server";

import { authorizedAction } from "@/lib/actions/authorized-action";
import { db } from "@/lib/db";
import { answerChange } from "@/lib/forms/answer";
import { formText, formValuesOf } from "@/lib/forms/form-data";
import type { FormState } from "@/lib/forms/state";
import { postmortemAnswer, type PostmortemFormExtra } from "../form-answer";
import { postmortemRefFromForm } from "../form-values";
import { addFiveWhy } from "../mutations/five-whys";

export const addFiveWhyAction = authorizedAction(
  "postmortem:edit",
  async (actor, _previous: FormState<PostmortemFormExtra>, form: FormData): Promise<FormState<PostmortemFormExtra>> =>
    answerChange(
      () => addFiveWhy(db, { ...postmortemRefFromForm(form), text: formText(form, "text") }, actor),
      postmortemAnswer("Added to the five whys.", "The entry was not added", formValuesOf(form)),
    ),
);
