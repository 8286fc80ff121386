// The columns of a change that are derived, never sent: what its trailers show, the stronger
// of declared and detected involvement, and whether it had the sign-off the policy requires.
import { isPolicyViolation, type AiInvolvement, type ApprovalPolicy, type AuthorLevel, type ChangeApproval } from "@/lib/domain/approval-policy";
import { detectedInvolvement, strongerInvolvement, trailerFactsOf, type Commit, type TrailerFacts } from "@/lib/domain/ai-trailers";

export type ChangeSignOff = {
  authorLevel: AuthorLevel | null;
  approval: ChangeApproval;
  /** The involvement the author declared. */
  aiInvolvement: AiInvolvement;
};

export type DerivedChangeColumns = {
  trailerInvolvement: AiInvolvement;
  coAuthors: string[];
  aiDetected: AiInvolvement;
  aiDetectedTool: string | null;
  aiEffective: AiInvolvement;
  policyViolation: boolean;
};

/** The derived columns from trailer facts already read (a change of the tool list re-derives from these). */
export function deriveFromFacts(signOff: ChangeSignOff, facts: TrailerFacts, tools: readonly string[], policy: ApprovalPolicy): DerivedChangeColumns {
  const detected = detectedInvolvement(facts, tools);
  const aiEffective = strongerInvolvement(signOff.aiInvolvement, detected.involvement);
  return {
    trailerInvolvement: facts.trailerInvolvement,
    coAuthors: facts.coAuthors,
    aiDetected: detected.involvement,
    aiDetectedTool: detected.tool,
    aiEffective,
    policyViolation: isPolicyViolation({ aiInvolvement: aiEffective, authorLevel: signOff.authorLevel, approval: signOff.approval }, policy),
  };
}

export const deriveChangeColumns = (signOff: ChangeSignOff, commits: readonly Commit[], tools: readonly string[], policy: ApprovalPolicy) =>
  deriveFromFacts(signOff, trailerFactsOf(commits), tools, policy);

/** Trailers show AI involvement while the author declared none: flagged wherever the change shows. */
export const isAiMismatch = (declared: AiInvolvement, detected: AiInvolvement) => declared === "NONE" && detected !== "NONE";
