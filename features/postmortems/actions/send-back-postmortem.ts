"use server";

import { db } from "@/lib/db";
import { postmortemFormAction } from "../form-answer";
import { sendBackPostmortem } from "../mutations/transitions";

export const sendBackPostmortemAction = postmortemFormAction(
  "postmortem:edit",
  db,
  sendBackPostmortem,
  [],
  "Sent back to draft.",
  "The postmortem was not sent back",
);
