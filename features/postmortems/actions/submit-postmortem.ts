"use server";

import { db } from "@/lib/db";
import { postmortemFormAction } from "../form-answer";
import { submitPostmortem } from "../mutations/transitions";

export const submitPostmortemAction = postmortemFormAction(
  "postmortem:edit",
  db,
  submitPostmortem,
  [],
  "Submitted for review.",
  "The postmortem was not submitted",
);
