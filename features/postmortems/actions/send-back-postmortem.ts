"use server";

import { authorizedAction } from "@/lib/actions/authorized-action";
import { db } from "@/lib/db";
import { answerPostmortemChange, type PostmortemFormState } from "../action-state";
import { formValuesOf, postmortemRefFromForm } from "../form-values";
import { sendBackPostmortem } from "../mutations";

export const sendBackPostmortemAction = authorizedAction(
  "postmortem:edit",
  async (actor, _previous: PostmortemFormState, form: FormData): Promise<PostmortemFormState> =>
    answerPostmortemChange(() => sendBackPostmortem(db, postmortemRefFromForm(form), actor), { ok: "Sent back to draft.", failure: "The postmortem was not sent back" }, formValuesOf(form)),
);
