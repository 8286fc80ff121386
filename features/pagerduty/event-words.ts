const EVENT_TYPE_WORDS: Record<string, string> = {
  "incident.triggered": "Triggered",
  "incident.acknowledged": "Acknowledged",
  "incident.unacknowledged": "Unacknowledged",
  "incident.resolved": "Resolved",
  "incident.reopened": "Reopened",
  "incident.priority_updated": "Priority changed",
  "incident.reassigned": "Reassigned",
  "incident.escalated": "Escalated",
  "incident.delegated": "Delegated",
  "incident.annotated": "Note added",
  "incident.responder.added": "Responder added",
  "incident.responder.replied": "Responder replied",
  "incident.status_update_published": "Status update published",
  "incident.service_updated": "Service changed",
};

/** A PagerDuty event type in words: "incident.priority_updated" → "Priority changed"; an unknown one from its own name. */
export function eventTypeWords(type: string): string {
  const known = EVENT_TYPE_WORDS[type];
  if (known) return known;
  const words = type
    .replace(/^incident\./, "")
    .replace(/[._]+/g, " ")
    .trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : type;
}

export const EVENT_OUTCOME_WORDS = { applied: "Applied", ignored: "Ignored" } as const;
