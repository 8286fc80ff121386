"use server";

import { authorizedAction } from "@/lib/actions/authorized-action";
import { db } from "@/lib/db";
import { answerChange } from "@/lib/forms/answer";
import { formValuesOf } from "@/lib/forms/form-data";
import type { FormState } from "@/lib/forms/state";
import { postmortemAnswer, type PostmortemFormExtra } from "../form-answer";
import { sectionsInputFromForm } from "../form-values";
import { savePostmortemSections } from "../mutations/sections";

export const savePostmortemSectionsAction = authorizedAction(
  "postmortem:edit",
  async (actor, _previous: FormState<PostmortemFormExtra>, form: FormData): Promise<FormState<PostmortemFormExtra>> =>
    answerChange(
      () => savePostmortemSections(db, sectionsInputFromForm(form), actor),
      postmortemAnswer("Sections saved.", "The sections were not saved", formValuesOf(form)),
    ),
);
