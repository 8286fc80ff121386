// The postmortem and action items of one incident, aged by how long ago it started: old
// ones are published with their actions mostly done, recent ones are still being written.
import type { ActionItemStatus, ActionItemType, PostmortemState } from "../../lib/generated/prisma/enums";
import { ENGINEER_EMAILS, LEAD_EMAILS, OWNER_EMAILS, SERVICES } from "./catalog";
import { DAY, HOUR, MINUTE, minutesFromDeployToImpact } from "./incident";
import type { Random } from "./random";
import { capitalise, count, durationText, MITIGATION_BY_CAUSE } from "./story";
import { ACTION_ITEM_TITLES, CONTRIBUTING, FIVE_WHYS, fill, GOT_LUCKY, LESSONS, WENT_WELL, type StoryContext } from "./texts";
import type { DemoActionItem, DemoIncident, DemoPostmortem, DemoTimelineEvent } from "./types";

/** Why a published postmortem needs no action, by cause. */
const NO_ACTION_REASON: Partial<Record<DemoIncident["rootCauseCategory"], string>> = {
  DEPENDENCY: "The fault was at the provider, who has fixed it; our fallback behaved as designed.",
  HARDWARE: "A one-off hardware failure; failover worked as designed and the host was replaced.",
  CODE_CHANGE: "The change was reverted; the test that would have caught it was added in the revert.",
  CONFIG_CHANGE: "The value was corrected and is now validated by an existing check.",
  INFRA_CHANGE: "The change was rolled back and the runbook already covers this case.",
  UNKNOWN: "Existing alarms and runbooks handled it as designed; nothing further to change.",
};

const DUE_DAYS = { P1: [10, 5, 21], P2: [24, 10, 45], P3: [45, 20, 90] } as const;

function stateFor(random: Random, incident: DemoIncident, ageDays: number): PostmortemState {
  if (incident.status !== "RESOLVED") return random.weighted([["DRAFT", 70], ["IN_REVIEW", 30]] as const);
  if (ageDays < 7) return random.weighted([["DRAFT", 60], ["IN_REVIEW", 40]] as const);
  if (ageDays < 21) return random.weighted([["DRAFT", 20], ["IN_REVIEW", 35], ["PUBLISHED", 45]] as const);
  return random.weighted([["PUBLISHED", 93], ["IN_REVIEW", 4], ["DRAFT", 3]] as const);
}

function storyContext(incident: DemoIncident): StoryContext {
  const service = SERVICES.find((s) => s.slug === incident.serviceSlugs[0])?.name ?? "the service";
  return { service, capability: incident.capabilities[0] ?? "checkout", change: incident.changeReference ?? "", tool: incident.aiTool ?? "", regions: "" };
}

function timelineFor(random: Random, incident: DemoIncident, context: StoryContext): DemoTimelineEvent[] {
  const start = incident.startedAt.getTime();
  const detected = incident.detectedAt?.getTime() ?? start;
  const mitigated = incident.mitigatedAt?.getTime();
  const events: DemoTimelineEvent[] = [];
  const add = (at: number, kind: DemoTimelineEvent["kind"], text: string) => events.push({ occurredAt: new Date(Math.round(at / 1000) * 1000), kind, text });
  if (incident.changeReference) {
    const who = incident.aiInvolvement === "AGENT" ? `${incident.aiTool} agent began applying` : "Deployment of";
    add(start - minutesFromDeployToImpact(random) * MINUTE, "CHANGE", `${who} ${incident.changeReference} to ${context.service}.`);
  }
  add(start, "OTHER", `Customer impact began: errors on ${context.capability}.`);
  add(detected, "DETECTION", random.pick([`${context.service} error-rate alarm fired; on-call paged.`, `Customer support reported failing ${context.capability}.`, "Synthetic check failed in two regions."]));
  const escalated = Math.min(mitigated ?? Infinity, detected + random.lognormal(8, 0.5, 2, 30) * MINUTE);
  add(escalated, "ESCALATION", `Declared ${incident.severity === "SEV1" ? "Sev1; incident commander and" : "Sev2;"} owning team engaged.`);
  if (mitigated !== undefined) {
    if (incident.severity === "SEV1" || random.chance(0.5)) add(random.between(escalated, mitigated), "COMMUNICATION", "Status page updated; customer support briefed.");
    add(mitigated, "MITIGATION", `${capitalise(MITIGATION_BY_CAUSE[incident.rootCauseCategory])}; error rates back to normal.`);
  }
  if (incident.resolvedAt) add(incident.resolvedAt.getTime(), "OTHER", "Fix verified in production; incident resolved.");
  return events.sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
}

function actionStatus(random: Random, due: number, now: number): ActionItemStatus {
  if (due >= now) return random.weighted([["OPEN", 50], ["IN_PROGRESS", 35], ["DONE", 15]] as const);
  // Items forgotten for months are rare; recently missed ones are common, as in real reviews.
  const overdue = now - due < 30 * DAY ? 0.3 : 0.04;
  if (random.chance(overdue)) return random.chance(0.5) ? "OPEN" : "IN_PROGRESS";
  return random.chance(0.93) ? "DONE" : "WONT_DO";
}

function actionItemsFor(random: Random, incident: DemoIncident, createdAt: number, now: number, context: StoryContext): DemoActionItem[] {
  const count = incident.severity === "SEV1" ? random.int(2, 4) : random.weighted([[0, 25], [1, 40], [2, 35]] as const);
  const types = Array.from({ length: count }, () => random.weighted([["PREVENT", 35], ["DETECT", 25], ["MITIGATE", 20], ["PROCESS", 20]] as const satisfies readonly (readonly [ActionItemType, number])[]));
  return types.map((type) => {
    const priority = random.weighted(incident.severity === "SEV1" ? ([["P1", 45], ["P2", 40], ["P3", 15]] as const) : ([["P1", 15], ["P2", 50], ["P3", 35]] as const));
    const [median, min, max] = DUE_DAYS[priority];
    const created = Math.min(now, createdAt + random.between(0, 6) * HOUR);
    const due = created + random.lognormal(median, 0.4, min, max) * DAY;
    const status = actionStatus(random, due, now);
    const finished = status === "DONE" || status === "WONT_DO";
    return {
      title: fill(random.pick(ACTION_ITEM_TITLES[type]), context),
      ownerEmail: random.pick(OWNER_EMAILS),
      dueDate: new Date(due).toISOString().slice(0, 10),
      priority,
      type,
      status,
      createdAt: new Date(created),
      completedAt: finished ? new Date(Math.min(now, created + random.between(0.3, 1.1) * (due - created))) : undefined,
    };
  });
}

/** Adds the postmortem and action items to an incident; an incident still under investigation has none yet. */
export function addPostmortem(random: Random, incident: DemoIncident, now: number): void {
  if (!incident.mitigatedAt) return;
  const context = storyContext(incident);
  const ageDays = (now - incident.startedAt.getTime()) / DAY;
  const state = stateFor(random, incident, ageDays);
  const createdAt = Math.min(now, incident.mitigatedAt.getTime() + random.lognormal(3, 0.6, 0.5, 24) * HOUR);
  const readyAt = Math.max(createdAt, incident.resolvedAt?.getTime() ?? createdAt);
  const submittedAt = state === "DRAFT" ? undefined : Math.min(now, readyAt + random.lognormal(2, 0.6, 0.5, 10) * DAY);
  const publishedAt = state === "PUBLISHED" && submittedAt !== undefined ? Math.min(now, submittedAt + random.lognormal(3, 0.6, 0.5, 14) * DAY) : undefined;
  const actionItems = actionItemsFor(random, incident, createdAt, now, context);
  const whys = FIVE_WHYS[incident.rootCauseCategory];
  const failed = incident.failedTransactions ? `, and ${count(incident.failedTransactions)} transactions failed` : "";
  const postmortem: DemoPostmortem = {
    state,
    impactStatement:
      `About ${count(incident.usersAffected)} customers were affected for ` +
      `${durationText(incident.mitigatedAt.getTime() - incident.startedAt.getTime())}${failed}.`,
    contributingFactors: `- ${fill(random.pick(CONTRIBUTING), context)}`,
    whatWentWell: `- ${random.pick(WENT_WELL)}`,
    whereWeGotLucky: `- ${random.pick(GOT_LUCKY)}`,
    lessonsLearned: `- ${random.pick(LESSONS)}`,
    noActionNeededReason: actionItems.length === 0 && state === "PUBLISHED" ? NO_ACTION_REASON[incident.rootCauseCategory] ?? NO_ACTION_REASON.UNKNOWN : undefined,
    createdAt: new Date(createdAt),
    submittedAt: submittedAt === undefined ? undefined : new Date(submittedAt),
    submittedByEmail: submittedAt === undefined ? undefined : random.pick(ENGINEER_EMAILS),
    publishedAt: publishedAt === undefined ? undefined : new Date(publishedAt),
    publishedByEmail: publishedAt === undefined ? undefined : random.pick(LEAD_EMAILS),
    timeline: timelineFor(random, incident, context),
    fiveWhys: whys.slice(0, Math.min(whys.length, random.int(3, 5))).map((why) => fill(why, context)),
  };
  incident.postmortem = postmortem;
  incident.actionItems = actionItems;
}
