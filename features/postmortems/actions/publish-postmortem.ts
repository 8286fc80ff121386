"use server";

import { db } from "@/lib/db";
import { postmortemFormAction } from "../form-answer";
import { publishPostmortem } from "../mutations/transitions";

export const publishPostmortemAction = postmortemFormAction(
  "postmortem:publish",
  db,
  publishPostmortem,
  ["noActionNeededReason"],
  "Published.",
  "The postmortem was not published",
);
