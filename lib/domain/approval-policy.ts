// The change-approval policy (docs/domain.md): which sign-off an AI-involved change needs.
import { label } from "@/lib/domain/incident-enums";

export type AiInvolvement = "NONE" | "ASSISTED" | "GENERATED" | "AGENT";
export type AuthorLevel = "JUNIOR" | "MID" | "SENIOR" | "PRINCIPAL";
export type ChangeApproval = "NONE" | "PEER" | "SENIOR" | "MANAGER";

/** For each author level, the approvals that satisfy the policy; UNKNOWN when no level was recorded. */
export type ApprovalPolicy = Record<AuthorLevel | "UNKNOWN", ChangeApproval[]>;

export type PolicyChange = {
  aiInvolvement: AiInvolvement;
  authorLevel?: AuthorLevel | null;
  // A missing approval is read as NONE: no recorded sign-off is no sign-off.
  approval?: ChangeApproval | null;
};

// Every caller without an organisation setting shares the default, so a stray mutation must
// fail loudly rather than quietly change the policy for everyone.
const frozen = (...approvals: ChangeApproval[]): ChangeApproval[] => Object.freeze(approvals) as ChangeApproval[];

export const DEFAULT_APPROVAL_POLICY: ApprovalPolicy = Object.freeze({
  JUNIOR: frozen("SENIOR", "MANAGER"),
  MID: frozen("SENIOR", "MANAGER"),
  UNKNOWN: frozen("SENIOR", "MANAGER"), // docs/domain.md treats an unknown author like a junior one
  SENIOR: frozen("MANAGER"),
  PRINCIPAL: frozen("MANAGER"),
});

export function requiredApprovals(authorLevel: AuthorLevel | null | undefined, policy: ApprovalPolicy = DEFAULT_APPROVAL_POLICY): ChangeApproval[] {
  return [...policy[authorLevel ?? "UNKNOWN"]];
}

export function isPolicyViolation(change: PolicyChange, policy: ApprovalPolicy = DEFAULT_APPROVAL_POLICY): boolean {
  if (change.aiInvolvement === "NONE") return false;
  return !requiredApprovals(change.authorLevel, policy).includes(change.approval ?? "NONE");
}

const CHANGE_MADE_BY: Record<Exclude<AiInvolvement, "NONE">, string> = {
  ASSISTED: "AI-assisted change by",
  GENERATED: "AI-generated change by",
  AGENT: "Change executed by an AI agent on behalf of",
};

function listOfAlternatives(approvals: readonly string[]): string {
  if (approvals.length <= 1) return approvals[0] ?? "";
  return `${approvals.slice(0, -1).join(", ")} or ${approvals.at(-1)}`;
}

/**
 * Why the change breaks the policy, as a sentence for the incident page and the review, e.g.
 * "AI-generated change by a Mid-level engineer had Peer sign-off; policy requires Senior or Manager."
 * Null when it does not.
 */
export function policyViolationReason(change: PolicyChange, policy: ApprovalPolicy = DEFAULT_APPROVAL_POLICY): string | null {
  if (change.aiInvolvement === "NONE" || !isPolicyViolation(change, policy)) return null;
  const author = change.authorLevel ? `a ${label(change.authorLevel)} engineer` : "an engineer of unknown level";
  const approval = change.approval ?? "NONE";
  const signOff = approval === "NONE" ? "no sign-off" : `${label(approval)} sign-off`;
  const required = requiredApprovals(change.authorLevel, policy);
  const requirement = required.length > 0 ? `policy requires ${listOfAlternatives(required.map(label))}` : "policy allows no AI-involved change at this level";
  return `${CHANGE_MADE_BY[change.aiInvolvement]} ${author} had ${signOff}; ${requirement}.`;
}
