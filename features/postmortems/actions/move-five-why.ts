"use server";

import { authorizedAction } from "@/lib/actions/authorized-action";
import { db } from "@/lib/db";
import { answerPostmortemChange, type PostmortemFormState } from "../action-state";
import { formText, formValuesOf, postmortemRefFromForm } from "../form-values";
import { moveFiveWhy } from "../mutations";

export const moveFiveWhyAction = authorizedAction(
  "postmortem:edit",
  async (actor, _previous: PostmortemFormState, form: FormData): Promise<PostmortemFormState> =>
    answerPostmortemChange(() => moveFiveWhy(db, { ...postmortemRefFromForm(form), whyId: formText(form, "whyId"), direction: formText(form, "direction") }, actor), { ok: "Entry moved.", failure: "The entry was not moved" }, formValuesOf(form)),
);
