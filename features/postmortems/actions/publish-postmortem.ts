"use server";

import { authorizedAction } from "@/lib/actions/authorized-action";
import { db } from "@/lib/db";
import { answerPostmortemChange, type PostmortemFormState } from "../action-state";
import { formText, formValuesOf, postmortemRefFromForm } from "../form-values";
import { publishPostmortem } from "../mutations";

export const publishPostmortemAction = authorizedAction(
  "postmortem:publish",
  async (actor, _previous: PostmortemFormState, form: FormData): Promise<PostmortemFormState> =>
    answerPostmortemChange(() => publishPostmortem(db, { ...postmortemRefFromForm(form), noActionNeededReason: formText(form, "noActionNeededReason") }, actor), { ok: "Published.", failure: "The postmortem was not published" }, formValuesOf(form)),
);
