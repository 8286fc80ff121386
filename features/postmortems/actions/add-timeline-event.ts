"use server";

import { db } from "@/lib/db";
import { postmortemFormAction } from "../form-answer";
import { timelineEventInputFromForm } from "../form-values";
import { addTimelineEvent } from "../mutations/timeline";

export const addTimelineEventAction = postmortemFormAction(
  "postmortem:edit",
  db,
  addTimelineEvent,
  timelineEventInputFromForm,
  "Event added to the timeline.",
  "The event was not added",
);
