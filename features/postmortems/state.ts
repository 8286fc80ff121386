import type { FieldErrors } from "@/lib/validation";
import { POSTMORTEM_SECTIONS, STATE_LABELS, type PostmortemSections, type PostmortemState } from "@/lib/domain/postmortem-enums";
import type { Postmortem } from "@/lib/generated/prisma/client";

/** The moves of the postmortem's life: DRAFT → IN_REVIEW → PUBLISHED, and back from review to draft. */
export const TRANSITIONS = {
  submit: { from: "DRAFT", to: "IN_REVIEW" },
  publish: { from: "IN_REVIEW", to: "PUBLISHED" },
  sendBack: { from: "IN_REVIEW", to: "DRAFT" },
} as const satisfies Record<string, { from: PostmortemState; to: PostmortemState }>;

export type Transition = keyof typeof TRANSITIONS;

const VERB: Record<Transition, string> = { submit: "submitted for review", publish: "published", sendBack: "sent back to draft" };

export type TransitionFacts = {
  state: PostmortemState;
  impactStatement: string;
  actionItemCount: number;
  noActionNeededReason: string | null | undefined;
};

/**
 * What stands in the way of a move, field by field (empty when it may happen): the state must
 * be the move's starting state; a review needs an impact statement; publishing needs an
 * action item or a stated reason why none is needed (docs/domain.md, "Postmortem").
 */
export function transitionErrors(transition: Transition, facts: TransitionFacts): FieldErrors {
  const { from } = TRANSITIONS[transition];
  if (facts.state !== from) {
    return { state: [`only a postmortem that is ${STATE_LABELS[from]} can be ${VERB[transition]}; this one is ${STATE_LABELS[facts.state]}`] };
  }
  const errors: FieldErrors = {};
  if (transition === "submit" && facts.impactStatement.trim() === "") {
    errors.impactStatement = ["write the impact statement before submitting for review"];
  }
  if (transition === "publish" && facts.actionItemCount === 0 && !facts.noActionNeededReason?.trim()) {
    errors.noActionNeededReason = ["add at least one action item, or say why no action is needed, before publishing"];
  }
  return errors;
}

/** Content can be changed until the postmortem is published. */
export const isEditable = (state: PostmortemState) => state !== "PUBLISHED";

/** The written sections of a stored postmortem. */
export const sectionsOf = (row: Postmortem): PostmortemSections =>
  Object.fromEntries(POSTMORTEM_SECTIONS.map((section) => [section, row[section]])) as PostmortemSections;
