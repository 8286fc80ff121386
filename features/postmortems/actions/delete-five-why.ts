"use server";

import { authorizedAction } from "@/lib/actions/authorized-action";
import { db } from "@/lib/db";
import { answerChange } from "@/lib/forms/answer";
import { formText, formValuesOf } from "@/lib/forms/form-data";
import type { FormState } from "@/lib/forms/state";
import { postmortemAnswer, type PostmortemFormExtra } from "../form-answer";
import { postmortemRefFromForm } from "../form-values";
import { deleteFiveWhy } from "../mutations/five-whys";

export const deleteFiveWhyAction = authorizedAction(
  "postmortem:edit",
  async (actor, _previous: FormState<PostmortemFormExtra>, form: FormData): Promise<FormState<PostmortemFormExtra>> =>
    answerChange(
      () => deleteFiveWhy(db, { ...postmortemRefFromForm(form), whyId: formText(form, "whyId") }, actor),
      postmortemAnswer("Entry removed.", "The entry was not removed", formValuesOf(form)),
    ),
);
