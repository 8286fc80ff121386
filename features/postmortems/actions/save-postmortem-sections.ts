"use server";

import { authorizedAction } from "@/lib/actions/authorized-action";
import { db } from "@/lib/db";
import { answerPostmortemChange, type PostmortemFormState } from "../action-state";
import { formValuesOf, sectionsInputFromForm } from "../form-values";
import { savePostmortemSections } from "../mutations";

export const savePostmortemSectionsAction = authorizedAction(
  "postmortem:edit",
  async (actor, _previous: PostmortemFormState, form: FormData): Promise<PostmortemFormState> =>
    answerPostmortemChange(() => savePostmortemSections(db, sectionsInputFromForm(form), actor), { ok: "Sections saved.", failure: "The sections were not saved" }, formValuesOf(form)),
);
