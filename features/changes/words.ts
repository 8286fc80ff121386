// A recorded change in the words the pages show: author level, sign-off, declared against
// detected AI involvement, the policy's verdict, and the time from deploy to impact.
import { label } from "@/lib/domain/incident-enums";
import type { AiInvolvement, AuthorLevel, ChangeApproval } from "@/lib/domain/approval-policy";
import { formatMinutes } from "@/lib/figure-text";

type ChangeAi = {
  involvement: AiInvolvement;
  tool: string | null;
  detected: AiInvolvement;
  detectedTool: string | null;
  effective: AiInvolvement;
  mismatch: boolean;
};
export type ChangeInWords = {
  change: { authorLevel: AuthorLevel | null; approval: ChangeApproval };
  ai: ChangeAi;
  policyViolation: boolean;
  requiredApproval: ChangeApproval[];
};

const withTool = (involvement: AiInvolvement, tool: string | null) => `${label(involvement)}${tool ? ` (${tool})` : ""}`;
const oneOf = (words: readonly string[]) => (words.length <= 1 ? (words[0] ?? "") : `${words.slice(0, -1).join(", ")} or ${words.at(-1)}`);

export const authorLevelWords = (level: AuthorLevel | null) => (level ? `${label(level)} author` : "Author level unknown");
export const signOffWords = (approval: ChangeApproval) => (approval === "NONE" ? "No sign-off" : `${label(approval)} sign-off`);

/** What the author declared and what the commit trailers show, each with its tool. */
export function aiInvolvementWords(ai: ChangeAi): { declared: string; detected: string } {
  return {
    declared: withTool(ai.involvement, ai.involvement === "NONE" ? null : ai.tool),
    detected: withTool(ai.detected, ai.detected === "NONE" ? null : ai.detectedTool),
  };
}

/** The approval policy's verdict on the change, judged on the stronger of declared and detected involvement. */
export function policyVerdict(change: ChangeInWords): { violation: boolean; short: string; sentence: string } {
  const required = `${oneOf(change.requiredApproval.map(label))} sign-off`;
  if (change.ai.effective === "NONE") {
    return { violation: false, short: "Not required", sentence: "No AI involvement declared or in the trailers: no extra sign-off is required." };
  }
  const had = change.change.approval === "NONE" ? "no sign-off" : signOffWords(change.change.approval);
  const subject = `${withTool(change.ai.effective, null)} change by ${change.change.authorLevel ? `a ${label(change.change.authorLevel)} engineer` : "an engineer of unknown level"}`;
  const undeclared = change.ai.mismatch ? " Its commit trailers show AI involvement the author did not declare." : "";
  if (!change.policyViolation)
    return { violation: false, short: "Signed off as required", sentence: `${subject} had ${had}, as the policy requires.${undeclared}` };
  const requirement = change.requiredApproval.length > 0 ? `the policy requires ${required}` : "the policy allows no AI-involved change at this level";
  return { violation: true, short: "Without required sign-off", sentence: `${subject} had ${had}; ${requirement}.${undeclared}` };
}

/** Whole minutes from the deploy to the start of customer impact (negative when impact began first). */
export const minutesFromDeployToImpact = (deployedAt: string, impactStartedAt: string) =>
  Math.floor((Date.parse(impactStartedAt) - Date.parse(deployedAt)) / 60_000);

export const deployToImpactWords = (minutes: number) => (minutes >= 0 ? formatMinutes(minutes) : `Impact began ${formatMinutes(-minutes)} before the deploy`);

/** A commit as a list shows it: the short hash and the subject line; `body` is the rest of the message. */
export function commitInWords(commit: { sha: string | null; message: string }): { sha: string | null; subject: string; body: string } {
  const [subject = "", ...rest] = commit.message.replace(/\r\n?/g, "\n").split("\n");
  return { sha: commit.sha ? commit.sha.slice(0, 7) : null, subject: subject.trim() || "(no subject)", body: rest.join("\n").trim() };
}
