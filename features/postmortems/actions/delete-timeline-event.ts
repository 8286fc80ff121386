"use server";

import { db } from "@/lib/db";
import { postmortemFormAction } from "../form-answer";
import { deleteTimelineEvent } from "../mutations/timeline";

export const deleteTimelineEventAction = postmortemFormAction(
  "postmortem:edit",
  db,
  deleteTimelineEvent,
  ["eventId"],
  "Event deleted.",
  "The event was not deleted",
);
