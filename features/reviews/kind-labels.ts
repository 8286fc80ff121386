// The words for each kind of agenda item, as the review page, its exports and messages show them.
import type { AgendaItemKind } from "./agenda-types";

export const KIND_LABEL: Record<AgendaItemKind, string> = {
  METRICS: "Metrics",
  FOLLOW_UPS: "Follow-ups",
  SEV1_DEEP_DIVE: "Sev1 deep dive",
  AI_CHANGE_REVIEW: "AI change review",
  SEV2_ROUNDUP: "Sev2 roundup",
  OVERDUE_ACTION_ITEMS: "Overdue action items",
  POSTMORTEMS_PENDING: "Postmortems pending",
  WHEEL: "Wheel of services",
  CUSTOM: "Added by a lead",
};
