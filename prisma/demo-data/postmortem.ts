// The postmortem and action items of one incident, aged by how long ago it started: old
// ones are published with their actions mostly done, recent ones are still being written.
import { label } from "@/lib/domain/incident-enums";
import { requiredApprovals } from "@/lib/domain/approval-policy";
import type { ActionItemStatus, PostmortemState } from "../../lib/generated/prisma/enums";
import { ENGINEER_EMAILS, LEAD_EMAILS, OWNER_EMAILS, SERVICES } from "./catalog";
import { DAY, HOUR, MINUTE, minutesFromDeployToImpact } from "./incident";
import type { Random } from "./random";
import { AI_ACTION, AI_LESSON, POLICY_FACTOR } from "./stories";
import { affectedText, capitalise, count, durationText, listText, regionText } from "./story";
import { fill, type StoryContext } from "./texts";
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

const serviceName = (slug: string) => SERVICES.find((s) => s.slug === slug)?.name ?? slug;

const DUE_DAYS = { P1: [10, 5, 21], P2: [24, 10, 45], P3: [45, 20, 90] } as const;

function stateFor(random: Random, incident: DemoIncident, ageDays: number): PostmortemState {
  if (incident.status !== "RESOLVED")
    return random.weighted([
      ["DRAFT", 70],
      ["IN_REVIEW", 30],
    ] as const);
  if (ageDays < 7)
    return random.weighted([
      ["DRAFT", 60],
      ["IN_REVIEW", 40],
    ] as const);
  if (ageDays < 21)
    return random.weighted([
      ["DRAFT", 20],
      ["IN_REVIEW", 35],
      ["PUBLISHED", 45],
    ] as const);
  return random.weighted([
    ["PUBLISHED", 93],
    ["IN_REVIEW", 4],
    ["DRAFT", 3],
  ] as const);
}

function storyContext(incident: DemoIncident): StoryContext {
  const service = SERVICES.find((s) => s.slug === incident.serviceSlugs[0])?.name ?? "the service";
  return {
    service,
    capability: incident.capabilities[0] ?? "checkout",
    change: incident.changeReference ?? "",
    tool: incident.aiTool ?? "",
    regions: regionText(incident.regions),
    aiAction: incident.aiInvolvement === "NONE" ? "" : AI_ACTION[incident.aiInvolvement],
  };
}

function deployText(incident: DemoIncident, service: string): string {
  const { changeReference, aiInvolvement, aiTool } = incident;
  if (aiInvolvement === "AGENT") return `${aiTool} agent began applying ${changeReference} to ${service}.`;
  if (aiInvolvement === "NONE") return `Deployment of ${changeReference} to ${service}.`;
  return `Deployment of ${changeReference} to ${service} (written with ${aiTool}).`;
}

/** Change, impact, detection, escalation, updates, mitigation and fix, at the incident's own instants. */
function timelineFor(random: Random, incident: DemoIncident, context: StoryContext, now: number): DemoTimelineEvent[] {
  const start = incident.startedAt.getTime();
  const detected = incident.detectedAt?.getTime() ?? start;
  const mitigated = incident.mitigatedAt?.getTime();
  const events: DemoTimelineEvent[] = [];
  const add = (at: number, kind: DemoTimelineEvent["kind"], text: string) => events.push({ occurredAt: new Date(Math.round(at / 1000) * 1000), kind, text });
  if (incident.changeReference) add(start - minutesFromDeployToImpact(random) * MINUTE, "CHANGE", deployText(incident, context.service));
  add(start, "OTHER", `Customer impact began: errors on ${listText(incident.capabilities)}.`);
  add(
    detected,
    "DETECTION",
    random.pick([
      `${context.service} error-rate alarm fired; on-call paged.`,
      `Customer support reported failing ${context.capability}.`,
      "Synthetic check failed in two regions.",
    ]),
  );
  // Escalation comes between detection and mitigation, however short the incident.
  const escalated = detected + random.between(0.15, 0.4) * ((mitigated ?? Math.max(detected, now)) - detected);
  add(escalated, "ESCALATION", `Declared ${incident.severity === "SEV1" ? "Sev1; incident commander and" : "Sev2;"} owning team engaged.`);
  if (mitigated !== undefined) {
    if (incident.severity === "SEV1" || random.chance(0.5))
      add(random.between(escalated, mitigated), "COMMUNICATION", "Status page updated; customer support briefed.");
    add(mitigated, "MITIGATION", `${capitalise(incident.story.mitigation)}; error rates back to normal.`);
  }
  if (incident.resolvedAt) add(incident.resolvedAt.getTime(), "OTHER", "Fix verified in production; incident resolved.");
  return events.sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
}

/** The story's whys, with the one naming the AI tool asked third when a tool was involved. */
function fiveWhysFor(random: Random, incident: DemoIncident, context: StoryContext): string[] {
  const { whys, aiWhy, named } = incident.story;
  const chain = incident.aiInvolvement !== "NONE" && aiWhy ? [...whys.slice(0, 2), aiWhy, ...whys.slice(2)] : whys;
  const length = named ? chain.length : Math.min(chain.length, random.int(3, 5));
  return chain.slice(0, length).map((why) => fill(why, context));
}

/** The story's factors, and the missing sign-off when the change lacked it. */
function contributingFactors(incident: DemoIncident, context: StoryContext): string[] {
  const factors = incident.story.contributing.map((factor) => fill(factor, context));
  if (!incident.policyViolation || incident.story.named) return factors;
  const required = requiredApprovals(incident.changeAuthorLevel)
    .map((a) => label(a).toLowerCase())
    .join(" or ");
  const approval = incident.changeApproval === "NONE" ? "no" : label(incident.changeApproval).toLowerCase();
  return [...factors, fill(POLICY_FACTOR.replace("{approval}", approval).replace("{required}", `${required} sign-off`), context)];
}

const bullets = (lines: readonly string[]) => lines.map((line) => `- ${line}`).join("\n");

function actionStatus(random: Random, due: number, now: number): ActionItemStatus {
  if (due >= now)
    return random.weighted([
      ["OPEN", 50],
      ["IN_PROGRESS", 35],
      ["DONE", 15],
    ] as const);
  // Items forgotten for months are rare; recently missed ones are common, as in real reviews.
  const overdue = now - due < 30 * DAY ? 0.3 : 0.04;
  if (random.chance(overdue)) return random.chance(0.5) ? "OPEN" : "IN_PROGRESS";
  return random.chance(0.93) ? "DONE" : "WONT_DO";
}

function actionItemsFor(random: Random, incident: DemoIncident, createdAt: number, now: number, context: StoryContext): DemoActionItem[] {
  const { actions } = incident.story;
  const count =
    incident.severity === "SEV1"
      ? random.int(2, actions.length)
      : random.weighted([
          [0, 25],
          [1, 40],
          [2, 35],
        ] as const);
  return random.sample(actions, count).map(([type, title]) => {
    const priority = random.weighted(
      incident.severity === "SEV1"
        ? ([
            ["P1", 45],
            ["P2", 40],
            ["P3", 15],
          ] as const)
        : ([
            ["P1", 15],
            ["P2", 50],
            ["P3", 35],
          ] as const),
    );
    const [median, min, max] = DUE_DAYS[priority];
    const created = Math.min(now, createdAt + random.between(0, 6) * HOUR);
    const due = created + random.lognormal(median, 0.4, min, max) * DAY;
    const status = actionStatus(random, due, now);
    const finished = status === "DONE" || status === "WONT_DO";
    return {
      title: fill(title, context),
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
  const { story } = incident;
  const failed = incident.failedTransactions ? `, and ${count(incident.failedTransactions)} transactions failed` : "";
  const lessons = incident.aiInvolvement === "NONE" || story.named ? story.lessons : [...story.lessons, AI_LESSON];
  const postmortem: DemoPostmortem = {
    state,
    impactStatement:
      `About ${count(incident.usersAffected)} customers in ${context.regions} were affected for ` +
      `${durationText(incident.mitigatedAt.getTime() - incident.startedAt.getTime())}${failed}. ` +
      `Services hit: ${affectedText(incident.serviceSlugs.map(serviceName), incident.blastRadius)}.`,
    contributingFactors: bullets(contributingFactors(incident, context)),
    whatWentWell: bullets([fill(story.whatWentWell, context)]),
    whereWeGotLucky: bullets([fill(story.whereWeGotLucky, context)]),
    lessonsLearned: bullets(lessons),
    noActionNeededReason:
      actionItems.length === 0 && state === "PUBLISHED" ? (NO_ACTION_REASON[incident.rootCauseCategory] ?? NO_ACTION_REASON.UNKNOWN) : undefined,
    createdAt: new Date(createdAt),
    submittedAt: submittedAt === undefined ? undefined : new Date(submittedAt),
    submittedByEmail: submittedAt === undefined ? undefined : random.pick(ENGINEER_EMAILS),
    publishedAt: publishedAt === undefined ? undefined : new Date(publishedAt),
    publishedByEmail: publishedAt === undefined ? undefined : random.pick(LEAD_EMAILS),
    timeline: timelineFor(random, incident, context, now),
    fiveWhys: fiveWhysFor(random, incident, context),
  };
  incident.postmortem = postmortem;
  incident.actionItems = actionItems;
}
