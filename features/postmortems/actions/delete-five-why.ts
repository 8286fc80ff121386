"use server";

import { authorizedAction } from "@/lib/actions/authorized-action";
import { db } from "@/lib/db";
import { answerPostmortemChange, type PostmortemFormState } from "../action-state";
import { formText, formValuesOf, postmortemRefFromForm } from "../form-values";
import { deleteFiveWhy } from "../mutations";

export const deleteFiveWhyAction = authorizedAction(
  "postmortem:edit",
  async (actor, _previous: PostmortemFormState, form: FormData): Promise<PostmortemFormState> =>
    answerPostmortemChange(() => deleteFiveWhy(db, { ...postmortemRefFromForm(form), whyId: formText(form, "whyId") }, actor), { ok: "Entry removed.", failure: "The entry was not removed" }, formValuesOf(form)),
);
