// The postmortem's values from the specification, with the words people read in the app.

export const POSTMORTEM_STATES = ["DRAFT", "IN_REVIEW", "PUBLISHED"] as const;
export type PostmortemState = (typeof POSTMORTEM_STATES)[number];

export const TIMELINE_EVENT_KINDS = ["DETECTION", "ESCALATION", "MITIGATION", "CHANGE", "COMMUNICATION", "OTHER"] as const;
export type TimelineEventKind = (typeof TIMELINE_EVENT_KINDS)[number];

/** The written sections, in the order of a Correction-of-Error document. */
export const POSTMORTEM_SECTIONS = ["impactStatement", "contributingFactors", "whatWentWell", "whereWeGotLucky", "lessonsLearned"] as const;
export type PostmortemSection = (typeof POSTMORTEM_SECTIONS)[number];
export type PostmortemSections = Record<PostmortemSection, string>;

export const SECTION_LABELS: Record<PostmortemSection, string> = {
  impactStatement: "Impact statement",
  contributingFactors: "Contributing factors",
  whatWentWell: "What went well",
  whereWeGotLucky: "Where we got lucky",
  lessonsLearned: "Lessons learned",
};

export const SECTION_HINTS: Record<PostmortemSection, string> = {
  impactStatement: "Who was hurt, how badly and for how long, in numbers.",
  contributingFactors: "What made it possible, worse or longer: code, process, tooling, AI involvement.",
  whatWentWell: "What worked and should be kept.",
  whereWeGotLucky: "What could have made it worse and did not, by chance.",
  lessonsLearned: "What the organisation should take away.",
};

export const STATE_LABELS: Record<PostmortemState, string> = { DRAFT: "Draft", IN_REVIEW: "In review", PUBLISHED: "Published" };

/** A postmortem's progress as people read it: none yet, or a draft with nothing written, is not started. */
export type PostmortemProgress = PostmortemState | "NOT_STARTED";
export const POSTMORTEM_PROGRESS_LABELS: Record<PostmortemProgress, string> = { NOT_STARTED: "Not started", ...STATE_LABELS };
/** The words for a state as a list or a review reads it, where no state means none started. */
export const postmortemProgressLabel = (state: PostmortemState | null) => POSTMORTEM_PROGRESS_LABELS[state ?? "NOT_STARTED"];

export const KIND_LABELS: Record<TimelineEventKind, string> = {
  DETECTION: "Detection",
  ESCALATION: "Escalation",
  MITIGATION: "Mitigation",
  CHANGE: "Change",
  COMMUNICATION: "Communication",
  OTHER: "Other",
};

export const emptySections = (): PostmortemSections => ({
  impactStatement: "",
  contributingFactors: "",
  whatWentWell: "",
  whereWeGotLucky: "",
  lessonsLearned: "",
});

/** Text as stored and compared: form posts turn line breaks into CRLF, textareas give back LF. */
export const normaliseNewlines = (text: string) => text.replace(/\r\n?/g, "\n");

export const sameSections = (a: PostmortemSections, b: PostmortemSections) =>
  POSTMORTEM_SECTIONS.every((s) => normaliseNewlines(a[s]) === normaliseNewlines(b[s]));
