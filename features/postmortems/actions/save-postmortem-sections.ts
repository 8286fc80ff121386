"use server";

import { db } from "@/lib/db";
import { postmortemFormAction } from "../form-answer";
import { sectionsInputFromForm } from "../form-values";
import { savePostmortemSections } from "../mutations/sections";

export const savePostmortemSectionsAction = postmortemFormAction(
  "postmortem:edit",
  db,
  savePostmortemSections,
  sectionsInputFromForm,
  "Sections saved.",
  "The sections were not saved",
);
