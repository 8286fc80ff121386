"use server";

import { db } from "@/lib/db";
import { postmortemFormAction } from "../form-answer";
import { moveTimelineEvent } from "../mutations/timeline";

export const moveTimelineEventAction = postmortemFormAction(
  "postmortem:edit",
  db,
  moveTimelineEvent,
  ["eventId", "direction"],
  "Event moved.",
  "The event was not moved",
);
