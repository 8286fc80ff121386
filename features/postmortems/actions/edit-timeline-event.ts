"use server";

import { db } from "@/lib/db";
import { postmortemFormAction } from "../form-answer";
import { timelineEventInputFromForm } from "../form-values";
import { editTimelineEvent } from "../mutations/timeline";

export const editTimelineEventAction = postmortemFormAction(
  "postmortem:edit",
  db,
  editTimelineEvent,
  timelineEventInputFromForm,
  "Event saved.",
  "The event was not saved",
);
