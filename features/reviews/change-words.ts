// The review's change figures and change facts in the words a leader reads out in the
// meeting; the page and the Markdown export say the same.
import { label } from "@/lib/domain/incident-enums";
import type { AiInvolvement, ChangeApproval } from "@/lib/domain/approval-policy";
import { formatCount, formatMinutes } from "@/lib/figure-text";
import type { AgendaIncident, ChangeCounts, ReviewChange, WeekChangeFigures } from "@/features/reviews/agenda-types";

/** "6.3 %": a change failure rate to one decimal. */
export const rateText = (rate: number) => `${(rate * 100).toFixed(1)} %`;

const failedOf = (counts: ChangeCounts, saysFailed: boolean) =>
  counts.changeFailureRate === null
    ? "none deployed"
    : `${formatCount(counts.failed)} of ${formatCount(counts.changes)}${saysFailed ? " failed" : ""} (${rateText(counts.changeFailureRate)})`;

/**
 * The METRICS item's change lines: "Changes: 63 deployed, 4 failed (6.3 %)", the split by AI
 * involvement and the count without the required sign-off; "so far" while the week runs.
 */
export function changeFigureLines(figures: WeekChangeFigures | null): string[] {
  if (!figures) return ["Changes: not recorded at the time of the meeting"];
  const soFar = figures.weekRunning ? " so far" : "";
  if (figures.changeFailureRate === null) return [`No changes recorded this week${soFar}`];
  return [
    `Changes${soFar}: ${formatCount(figures.changes)} deployed, ${formatCount(figures.failed)} failed (${rateText(figures.changeFailureRate)})`,
    `AI-involved: ${failedOf(figures.aiInvolved, true)} · Other: ${failedOf(figures.other, false)}`,
    `Shipped without required sign-off: ${formatCount(figures.withoutRequiredSignOff)}`,
  ];
}

export const CHANGE_DEFINITIONS = [
  "A change counts in the week it was deployed. It failed when at least one incident names it as its triggering change, whenever that incident started; it counts once however many do.",
  "AI-involved: the author declared AI involvement or the commit trailers show it (the stronger of the two).",
  "Without required sign-off: the change lacked the approval the change-approval policy asks of its author level.",
];

const SIGN_OFF: Record<ChangeApproval, string> = { NONE: "no sign-off", PEER: "peer sign-off", SENIOR: "senior sign-off", MANAGER: "manager sign-off" };

export const signOffText = (approval: ChangeApproval) => SIGN_OFF[approval];

export const authorText = (level: ReviewChange["authorLevel"]) => (level ? `${label(level)} author` : "author level not recorded");

/** "AI-assisted (GitHub Copilot)", or "none". */
export const involvementText = (involvement: AiInvolvement, tool: string | null) =>
  involvement === "NONE" ? "none" : `${label(involvement)}${tool ? ` (${tool})` : ""}`;

export const MISMATCH_TEXT = "The commit trailers show AI involvement the author did not declare";

const alternatives = (approvals: readonly ChangeApproval[]) => {
  const words = approvals.map((a) => SIGN_OFF[a].replace(" sign-off", ""));
  return words.length <= 1 ? `${words[0]} sign-off` : `${words.slice(0, -1).join(", ")} or ${words.at(-1)} sign-off`;
};

/** The policy's verdict on the change, judged on the stronger of declared and detected involvement. */
export function policyVerdictText(change: Pick<ReviewChange, "policyViolation" | "approval" | "requiredApproval">): string {
  if (change.policyViolation) {
    return change.requiredApproval.length === 0
      ? `Shipped without the required sign-off: the policy allows no AI-involved change by this author level (it had ${signOffText(change.approval)})`
      : `Shipped without the required sign-off: it had ${signOffText(change.approval)}, the policy requires ${alternatives(change.requiredApproval)}`;
  }
  if (change.requiredApproval.length === 0) return "No AI involvement, so no extra sign-off required";
  return `Had the required sign-off (${signOffText(change.approval)})`;
}

/** The policy's verdict on what triggered the incident: its recorded change, else the incident's own change facts. */
export function incidentVerdictText(incident: AgendaIncident): string {
  const trigger = incident.triggeringChange;
  if (trigger?.state === "recorded") return policyVerdictText(trigger.change);
  if (trigger)
    return policyVerdictText({ policyViolation: incident.policyViolation, approval: incident.changeApproval, requiredApproval: trigger.requiredApproval });
  // A snapshot taken before the facts held the policy's requirement keeps the sentence stored then.
  return incident.policyViolation ? (incident.policyViolationReason ?? "Shipped without the required sign-off") : "Had the required sign-off";
}

/** "48 min before impact began", from deploy to the incident's start. */
export function deployToImpactText(deployedAt: string, startedAt: string): string {
  const ms = Date.parse(startedAt) - Date.parse(deployedAt);
  const minutes = formatMinutes(Math.floor(Math.abs(ms) / 60_000));
  return ms >= 0 ? `${minutes} before impact began` : `${minutes} after impact began`;
}

export const NOT_NAMED_TEXT = "No triggering change named";
export const NOT_RECORDED_TEXT = "Not recorded by the deploy pipeline";
export const NOT_RECORDED_AT_THE_TIME_TEXT = "Triggering change not recorded at the time of the meeting";
