const POSTMORTEM_LABELS: Record<string, string> = { DRAFT: "Draft", IN_REVIEW: "In review", PUBLISHED: "Published" };

/** A postmortem's state as the list shows it; an incident without one reads "None yet". */
export const postmortemLabel = (state: string | null) => (state ? (POSTMORTEM_LABELS[state] ?? state) : "None yet");
