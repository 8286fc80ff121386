"use server";

import { authorizedAction } from "@/lib/actions/authorized-action";
import { db } from "@/lib/db";
import { answerPostmortemChange, type PostmortemFormState } from "../action-state";
import { formValuesOf, postmortemRefFromForm } from "../form-values";
import { submitPostmortem } from "../mutations";

export const submitPostmortemAction = authorizedAction(
  "postmortem:edit",
  async (actor, _previous: PostmortemFormState, form: FormData): Promise<PostmortemFormState> =>
    answerPostmortemChange(() => submitPostmortem(db, postmortemRefFromForm(form), actor), { ok: "Submitted for review.", failure: "The postmortem was not submitted" }, formValuesOf(form)),
);
