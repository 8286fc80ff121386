// What happened, told once per kind of failure: an incident draws one story of its root-cause
// category, and its title, root cause, five whys, contributing factors, lessons, mitigation and
// action items all come from that story, so that a write-up never contradicts itself.
import type { ActionItemType, AiInvolvement, RootCauseCategory } from "../../lib/generated/prisma/enums";
import { CHANGE_STORIES } from "./stories-change";
import { AGENT_STORY, CHECKOUT_STORY } from "./stories-named";
import { OTHER_STORIES } from "./stories-other";

export type AiKind = Exclude<AiInvolvement, "NONE">;

/**
 * Templates with `{service}`, `{capability}`, `{change}`, `{tool}`, `{regions}` and
 * `{aiAction}` (what the tool did, in words that fit the involvement).
 */
export type Story = {
  category: RootCauseCategory;
  /** Written for one incident by hand; never drawn for a generated one. */
  named?: boolean;
  titles: readonly string[];
  rootCause: string;
  /** In order; a postmortem takes the first three to five. */
  whys: readonly string[];
  /** For an AI-involved change: the why that says what the tool did, asked third. */
  aiWhy?: string;
  /** What the tool did, by involvement: the incident's `ai.description`. */
  ai?: Readonly<Record<AiKind, string>>;
  contributing: readonly string[];
  lessons: readonly string[];
  /** How impact ended, after "Impact ended after …". */
  mitigation: string;
  actions: readonly (readonly [ActionItemType, string])[];
  whatWentWell: string;
  whereWeGotLucky: string;
};

export const STORIES: readonly Story[] = [...CHANGE_STORIES, ...OTHER_STORIES, CHECKOUT_STORY, AGENT_STORY];

const drawable = (category: RootCauseCategory) => STORIES.filter((s) => s.category === category && !s.named);

/** The stories a generated incident of each category may draw. */
export const STORIES_BY_CATEGORY: Readonly<Record<RootCauseCategory, readonly Story[]>> = {
  CODE_CHANGE: drawable("CODE_CHANGE"),
  CONFIG_CHANGE: drawable("CONFIG_CHANGE"),
  INFRA_CHANGE: drawable("INFRA_CHANGE"),
  DEPENDENCY: drawable("DEPENDENCY"),
  CAPACITY: drawable("CAPACITY"),
  HARDWARE: drawable("HARDWARE"),
  SECURITY: drawable("SECURITY"),
  UNKNOWN: drawable("UNKNOWN"),
};

/** What an AI tool did, by involvement: fills `{aiAction}`. */
export const AI_ACTION: Readonly<Record<AiKind, string>> = {
  ASSISTED: "the author accepted a suggestion from {tool}",
  GENERATED: "{tool} wrote the change and the author submitted it with few edits",
  AGENT: "{tool} made and shipped the change itself, as an agent",
};

/** Added to an AI-involved incident's lessons. */
export const AI_LESSON = "A change made with an AI tool needs the same review as any other, by someone who knows the code it touches.";
/** Added to the contributing factors of an incident whose change lacked the sign-off the policy asks for. */
export const POLICY_FACTOR = "The change involved {tool} but had only {approval} sign-off; the policy asks for {required}.";
