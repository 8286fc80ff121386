"use server";

import { authorizedAction } from "@/lib/actions/authorized-action";
import { db } from "@/lib/db";
import { answerPostmortemChange, type PostmortemFormState } from "../action-state";
import { formText, formValuesOf, postmortemRefFromForm } from "../form-values";
import { addFiveWhy } from "../mutations";

export const addFiveWhyAction = authorizedAction(
  "postmortem:edit",
  async (actor, _previous: PostmortemFormState, form: FormData): Promise<PostmortemFormState> =>
    answerPostmortemChange(() => addFiveWhy(db, { ...postmortemRefFromForm(form), text: formText(form, "text") }, actor), { ok: "Added to the five whys.", failure: "The entry was not added" }, formValuesOf(form)),
);
