"use server";

import { authorizedAction } from "@/lib/actions/authorized-action";
import { db } from "@/lib/db";
import { answerPostmortemChange, type PostmortemFormState } from "../action-state";
import { formText, formValuesOf, postmortemRefFromForm } from "../form-values";
import { editFiveWhy } from "../mutations";

export const editFiveWhyAction = authorizedAction(
  "postmortem:edit",
  async (actor, _previous: PostmortemFormState, form: FormData): Promise<PostmortemFormState> =>
    answerPostmortemChange(() => editFiveWhy(db, { ...postmortemRefFromForm(form), whyId: formText(form, "whyId"), text: formText(form, "text") }, actor), { ok: "Entry saved.", failure: "The entry was not saved" }, formValuesOf(form)),
);
