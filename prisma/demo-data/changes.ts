// The demo year's changes (docs/domain.md, "Change"): the recorded change behind
// every incident that names one, and around them the changes that failed nobody, as many as
// make each group fail at a plausible rate. The derived columns come from the app's own rule.
import { deriveChangeColumns, isAiMismatch } from "../../features/changes/derive";
import { DEFAULT_AI_TOOLS } from "@/lib/domain/ai-trailers";
import { DEFAULT_APPROVAL_POLICY } from "@/lib/domain/approval-policy";
import type { AiInvolvement, AuthorLevel, ChangeApproval } from "../../lib/generated/prisma/enums";
import { SERVICES } from "./catalog";
import { CHANGE_AGENT_TOOLS, CHANGE_AI_TOOLS, changeTitle, commitsFor } from "./commits";
import { AUTHOR_LEVELS, DAY, MINUTE, WEEK, minutesFromDeployToImpact, randomTimeInDay } from "./incident";
import { aiInvolvementFor, approvalFor, changeReferenceFor, isChangeCause, type ChangeCause } from "./change-choices";
import { NAMED_CHANGES } from "./outages";
import type { Random } from "./random";
import type { DemoChange, DemoIncident } from "./types";

export type ChangeGroup = "NONE" | "compliant" | "violating";
const GROUPS: readonly ChangeGroup[] = ["NONE", "compliant", "violating"];

/** Failed share aimed at per group: changes without the required sign-off fail most. */
export const TARGET_FAILURE_RATE: Readonly<Record<ChangeGroup, number>> = { NONE: 0.03, compliant: 0.055, violating: 0.13 };
/** Changes whose trailers name an AI tool that the author did not declare. */
const MISMATCH_SHARE = 0.015;
/** AI-involved share of the incident-free changes at the start and the end of the window. */
const AI_SHARE_FIRST = 0.1;
const AI_SHARE_LAST = 0.5;
/** Monday..Sunday: teams ship on weekdays and hardly at weekends. */
const DEPLOY_WEEKDAY_WEIGHTS = [
  [0, 19],
  [1, 20],
  [2, 20],
  [3, 18],
  [4, 13],
  [5, 2],
  [6, 2],
] as const;
const DEPLOY_SERVICE_WEIGHTS = SERVICES.map((s) => [s.slug, s.incidentWeight + 3] as const);
const CAUSES = [
  ["CODE_CHANGE", 62],
  ["CONFIG_CHANGE", 24],
  ["INFRA_CHANGE", 14],
] as const;

/** NONE, or AI-involved (declared or detected) with or without the sign-off the policy requires. */
export function changeGroupOf(change: Pick<DemoChange, "derived">): ChangeGroup {
  if (change.derived.aiEffective === "NONE") return "NONE";
  return change.derived.policyViolation ? "violating" : "compliant";
}

export type ChangeSpec = {
  reference: string;
  serviceSlug: string;
  deployedAt: number;
  cause: ChangeCause;
  authorLevel?: AuthorLevel;
  approval: ChangeApproval;
  aiInvolvement: AiInvolvement;
  aiTool?: string;
  undeclaredTool?: string;
};

function urlOf(reference: string): string {
  if (reference.startsWith("https://")) return reference;
  if (reference.startsWith("DEP-")) return `https://deploy.example.test/deploys/${reference}`;
  return reference.startsWith("CFG-") ? `https://config.example.test/pushes/${reference}` : `https://change.example.test/tickets/${reference}`;
}

export function buildChange(random: Random, spec: ChangeSpec): DemoChange {
  const named = NAMED_CHANGES[spec.reference];
  const commits =
    named?.commits ??
    commitsFor(random, {
      cause: spec.cause,
      serviceSlug: spec.serviceSlug,
      declared: spec.aiInvolvement,
      tool: spec.aiTool,
      undeclaredTool: spec.undeclaredTool,
    });
  const signOff = { authorLevel: spec.authorLevel ?? null, approval: spec.approval, aiInvolvement: spec.aiInvolvement };
  return {
    reference: spec.reference,
    serviceSlug: spec.serviceSlug,
    deployedAt: new Date(spec.deployedAt),
    title: named?.title ?? changeTitle(random, commits, spec.cause, spec.serviceSlug),
    url: urlOf(spec.reference),
    authorLevel: spec.authorLevel,
    approval: spec.approval,
    aiInvolvement: spec.aiInvolvement,
    aiTool: spec.aiTool,
    commits,
    derived: deriveChangeColumns(signOff, commits, DEFAULT_AI_TOOLS, DEFAULT_APPROVAL_POLICY),
  };
}

/** The change an incident names, as the incident describes it (incidents are filled from their change). */
function specOfIncident(random: Random, incident: DemoIncident, reference: string): ChangeSpec {
  const inReference = /\/shop\/([a-z0-9-]+)\/pull\//.exec(reference)?.[1];
  const serviceSlug = inReference && incident.serviceSlugs.includes(inReference) ? inReference : (incident.serviceSlugs[0] ?? "");
  // The postmortem's timeline already says when it was deployed.
  const deployEvent = incident.postmortem?.timeline.find((e) => e.kind === "CHANGE");
  const hidden = incident.aiInvolvement === "NONE" && random.chance(0.03);
  return {
    reference,
    serviceSlug,
    deployedAt: deployEvent?.occurredAt.getTime() ?? incident.startedAt.getTime() - minutesFromDeployToImpact(random) * MINUTE,
    cause: isChangeCause(incident.rootCauseCategory) ? incident.rootCauseCategory : "CODE_CHANGE",
    authorLevel: incident.changeAuthorLevel,
    approval: incident.changeApproval,
    aiInvolvement: incident.aiInvolvement,
    aiTool: incident.aiTool,
    undeclaredTool: hidden ? random.weighted(CHANGE_AI_TOOLS) : undefined,
  };
}

/** A change of `group` (or one whose trailers show a tool its author did not declare), as authors declare them. */
export function specOfGroup(random: Random, group: ChangeGroup | "mismatch", deployedAt: number, taken?: Set<string>): ChangeSpec {
  const cause = random.weighted(CAUSES);
  const serviceSlug = random.weighted(DEPLOY_SERVICE_WEIGHTS);
  const authorLevel = random.weighted(AUTHOR_LEVELS);
  const aiInvolved = group === "compliant" || group === "violating";
  const aiInvolvement = aiInvolved ? aiInvolvementFor(random, cause) : "NONE";
  return {
    reference: changeReferenceFor(random, cause, serviceSlug, taken),
    serviceSlug,
    deployedAt,
    cause,
    authorLevel,
    approval: approvalFor(random, authorLevel, aiInvolved, group === "compliant"),
    aiInvolvement,
    aiTool: aiInvolvement === "NONE" ? undefined : random.pick(aiInvolvement === "AGENT" ? CHANGE_AGENT_TOOLS : CHANGE_AI_TOOLS.map(([tool]) => tool)),
    undeclaredTool: group === "mismatch" ? random.weighted(CHANGE_AI_TOOLS) : undefined,
  };
}

export function countByGroup(changes: readonly DemoChange[]): Record<ChangeGroup, number> {
  const counts: Record<ChangeGroup, number> = { NONE: 0, compliant: 0, violating: 0 };
  for (const change of changes) counts[changeGroupOf(change)]++;
  return counts;
}

export type ChangeWindow = { firstWeek: number; weeks: number; now: number };

/** Draws a week's start, each as likely as its weight: cumulative, as a year of weeks is drawn from thousands of times. */
function weekPicker(random: Random, weights: readonly (readonly [number, number])[]): () => number {
  const cumulative: number[] = [];
  let total = 0;
  for (const [, weight] of weights) cumulative.push((total += weight));
  return () => {
    const roll = random.next() * total;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((cumulative[middle] ?? 0) > roll) high = middle;
      else low = middle + 1;
    }
    return weights[low]?.[0] ?? 0;
  };
}

/** Per week, where AI-involved and other changes land: AI rising, the current week only as far as it has gone. */
function weekPickers(random: Random, { firstWeek, weeks, now }: ChangeWindow) {
  const ai: [number, number][] = [];
  const other: [number, number][] = [];
  for (let week = 0; week < weeks; week++) {
    const start = firstWeek + week * WEEK;
    const elapsed = Math.min(1, Math.max(0, (now - start) / WEEK));
    const share = AI_SHARE_FIRST + (AI_SHARE_LAST - AI_SHARE_FIRST) * (weeks > 1 ? week / (weeks - 1) : 1);
    ai.push([start, share * elapsed]);
    other.push([start, (1 - share) * elapsed]);
  }
  return { ai: weekPicker(random, ai), other: weekPicker(random, other) };
}

/** A deploy instant in working hours of a weekday mostly, never in the future. */
function deployTime(random: Random, pickWeek: () => number, now: number): number {
  for (;;) {
    const at = randomTimeInDay(random, pickWeek() + random.weighted(DEPLOY_WEEKDAY_WEIGHTS) * DAY);
    if (at <= now - MINUTE) return at;
  }
}

/** Every incident's change, then incident-free ones until each group fails at about its target rate. */
export function generateDemoChanges(random: Random, incidents: readonly DemoIncident[], window: ChangeWindow, taken: Set<string>): DemoChange[] {
  const linked = new Map<string, DemoChange>();
  for (const incident of incidents) {
    const reference = incident.changeReference;
    if (reference && !linked.has(reference)) linked.set(reference, buildChange(random, specOfIncident(random, incident, reference)));
  }
  const failed = countByGroup([...linked.values()]);
  const planned = Object.fromEntries(GROUPS.map((g) => [g, Math.round(failed[g] / TARGET_FAILURE_RATE[g])])) as Record<ChangeGroup, number>;
  const total = GROUPS.reduce((sum, g) => sum + planned[g], 0);
  const hidden = [...linked.values()].filter((c) => isAiMismatch(c.aiInvolvement, c.derived.aiDetected)).length;

  const weeks = weekPickers(random, window);
  const others: DemoChange[] = [];
  const add = (group: ChangeGroup | "mismatch", count: number) => {
    const when = group === "NONE" ? weeks.other : weeks.ai;
    for (let i = 0; i < count; i++) others.push(buildChange(random, specOfGroup(random, group, deployTime(random, when, window.now), taken)));
  };
  add("mismatch", Math.max(0, Math.round(total * MISMATCH_SHARE) - hidden));
  const placed = countByGroup(others);
  for (const group of GROUPS) add(group, Math.max(0, planned[group] - failed[group] - placed[group]));
  return [...linked.values(), ...others].sort((a, b) => a.deployedAt.getTime() - b.deployedAt.getTime());
}
