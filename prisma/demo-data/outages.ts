// The incidents every demo needs to show, written by hand: the six-hour checkout outage of
// an AI-assisted change, the thirteen-hour outage of an AI agent that rebuilt an environment,
// and one incident under investigation right now.
import type { Commit } from "@/lib/domain/ai-trailers";
import { isPolicyViolation } from "@/lib/domain/approval-policy";
import { DAY, HOUR, MINUTE, WEEK, buildIncident } from "./incident";
import { addPostmortem } from "./postmortem";
import type { Random } from "./random";
import { AGENT_STORY, CHECKOUT_STORY } from "./stories-named";
import { fill } from "./texts";
import type { DemoActionItem, DemoIncident, DemoTimelineEvent } from "./types";

export const CHECKOUT_OUTAGE_TITLE = CHECKOUT_STORY.titles[0] ?? "";
export const AGENT_OUTAGE_TITLE = AGENT_STORY.titles[0] ?? "";

type ImpactField = "usersAffected" | "failedTransactions" | "blastRadius";
type CauseField = "rootCauseCategory" | "changeReference" | "aiInvolvement" | "aiTool";
type Outage = Omit<
  DemoIncident,
  | "reference"
  | "status"
  | "policyViolation"
  | "postmortem"
  | "actionItems"
  | "startedAt"
  | "detectedAt"
  | "mitigatedAt"
  | "resolvedAt"
  | "title"
  | "rootCauseDescription"
  | ImpactField
  | CauseField
> & {
  impact: Pick<DemoIncident, ImpactField>;
  /** The root cause and the change behind it. */
  cause: Pick<DemoIncident, CauseField>;
  /** Hours from start to mitigation. */
  hours: number;
  /** What else the timeline records, minutes after the start. */
  events: readonly (readonly [number, DemoTimelineEvent["kind"], string])[];
};

/** Both are Sev1s caused by a mid-level engineer's change that had only peer sign-off. */
const SEV1_OF_A_PEER_APPROVED_CHANGE = { severity: "SEV1", changeAuthorLevel: "MID", changeApproval: "PEER" } as const;

const CHECKOUT: Outage = {
  ...SEV1_OF_A_PEER_APPROVED_CHANGE,
  story: CHECKOUT_STORY,
  hours: 6,
  serviceSlugs: ["checkout-api", "pricing"],
  summary:
    "For six hours customers could not complete checkout: the **Checkout API** rejected every basket that held a discounted item. " +
    "22,816 customers were affected and 9,412 orders failed.\n\n" +
    "Affected: **Checkout API** and **Pricing** (multiple services). Impact ended after rolling back the pricing change and recalculating open baskets.",
  impact: { usersAffected: 22_816, failedTransactions: 9_412, blastRadius: "MULTI_SERVICE" },
  regions: ["us-east-1", "us-west-2", "eu-west-1"],
  events: [
    [45, "OTHER", "Checkout API rolled back to the previous release; baskets still rejected."],
    [150, "OTHER", "Basket totals found to differ from the sum of their lines by one cent."],
    [320, "OTHER", "Pricing change 8841 suspected; rollback started."],
  ],
  capabilities: ["checkout", "pricing"],
  cause: {
    rootCauseCategory: "CODE_CHANGE",
    changeReference: "https://git.example.test/shop/pricing/pull/8841",
    aiInvolvement: "ASSISTED",
    aiTool: "Amazon Q Developer",
  },
  aiDescription:
    "The author accepted Amazon Q Developer's rewrite of the rounding helper; the suggestion looked equivalent and passed the unit tests, which used whole-number prices.",
  createdByEmail: "priya.raman@demo.ops-review.test",
};

const AGENT: Outage = {
  ...SEV1_OF_A_PEER_APPROVED_CHANGE,
  story: AGENT_STORY,
  hours: 13,
  serviceSlugs: ["k8s-platform"],
  summary:
    "For thirteen hours customers in **cn-north-1** could not check out, search or reach their account: " +
    "every workload of the region runs on the **Kubernetes Platform** environment, which had been deleted and was being rebuilt.\n\n" +
    "Affected: **Kubernetes Platform** (regional). Impact ended after recreating the environment and restoring its data from snapshots.",
  impact: { usersAffected: 31_540, failedTransactions: 12_077, blastRadius: "REGIONAL" },
  regions: ["cn-north-1"],
  events: [
    [20, "OTHER", "Audit log shows the environment was deleted by the Kiro agent session."],
    [60, "OTHER", "Environment recreation started from the infrastructure templates."],
    [360, "OTHER", "Environment up; restoring databases from snapshots."],
  ],
  capabilities: ["checkout", "search", "account"],
  cause: { rootCauseCategory: "INFRA_CHANGE", changeReference: "CHG-9127", aiInvolvement: "AGENT", aiTool: "Kiro" },
  aiDescription:
    "Kiro deleted and recreated the environment: it ran the teardown and the provisioning itself, with no senior sign-off and no human confirmation step.",
  createdByEmail: "kenji.watanabe@demo.ops-review.test",
};

/** Their changes' references: no generated change may take one. */
export const NAMED_CHANGE_REFERENCES: readonly string[] = [CHECKOUT.cause.changeReference ?? "", AGENT.cause.changeReference ?? ""];

/** What the deploy pipeline recorded for the two outages' changes, written by hand as the outages are. */
export const NAMED_CHANGES: Readonly<Record<string, { title: string; commits: Commit[] }>> = {
  [CHECKOUT.cause.changeReference ?? ""]: {
    title: "refactor(pricing): simplify the rounding of discounted line totals",
    commits: [
      {
        sha: "8f41c2d09b7e5a3361f0c4e2d8a9b17c5e6f3a20",
        message:
          "refactor(pricing): simplify the rounding of discounted line totals\n\n" +
          "Replaces the hand-written half-even helper with Math.round; unit tests pass.\n\n" +
          "Co-authored-by: Amazon Q Developer <amazon-q-developer[bot]@users.noreply.github.com>",
      },
      { sha: "2c7d90e1a4b63f5809d1e7c2b4a6f8031e9d5c47", message: "test(pricing): update discount fixtures for the new helper" },
    ],
  },
  // The agent ran the teardown and the provisioning itself: an operation, with no commits.
  [AGENT.cause.changeReference ?? ""]: { title: "Fix configuration drift on the cn-north-1 production security group", commits: [] },
};

/** Places an outage at a fixed time of day, `daysAgo` before now, and gives it a published postmortem. */
function place(random: Random, outage: Outage, now: number, daysAgo: number, startHour: number): DemoIncident {
  const { hours, events, impact, cause, ...fields } = outage;
  const startedAt = Math.floor((now - daysAgo * DAY) / DAY) * DAY + startHour * HOUR + 7 * MINUTE;
  const mitigatedAt = startedAt + hours * HOUR + 2 * MINUTE;
  const resolvedAt = mitigatedAt + 30 * HOUR;
  const context = { service: "", capability: "", change: cause.changeReference ?? "", tool: cause.aiTool ?? "", regions: "", aiAction: "" };
  const incident: DemoIncident = {
    ...fields,
    ...impact,
    ...cause,
    reference: "",
    title: outage.story.titles[0] ?? "",
    rootCauseDescription: fill(outage.story.rootCause, context),
    status: "RESOLVED",
    startedAt: new Date(startedAt),
    detectedAt: new Date(startedAt + 4 * MINUTE),
    mitigatedAt: new Date(mitigatedAt),
    resolvedAt: new Date(resolvedAt),
    policyViolation: isPolicyViolation({ aiInvolvement: cause.aiInvolvement, authorLevel: outage.changeAuthorLevel, approval: outage.changeApproval }),
    actionItems: [],
  };
  addPostmortem(random, incident, now);
  const postmortem = incident.postmortem;
  if (postmortem) {
    // These two are the worked examples of the demo: their reviews are finished.
    postmortem.state = "PUBLISHED";
    postmortem.submittedAt = new Date(resolvedAt + 2 * DAY);
    postmortem.submittedByEmail = outage.createdByEmail;
    postmortem.publishedAt = new Date(resolvedAt + 6 * DAY);
    postmortem.publishedByEmail = "lead@demo.ops-review.test";
    postmortem.noActionNeededReason = undefined;
    const more = events.map(([minutes, kind, text]) => ({ occurredAt: new Date(startedAt + minutes * MINUTE), kind, text }));
    postmortem.timeline = [...postmortem.timeline, ...more].sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
  }
  const due = new Date(resolvedAt + 14 * DAY).toISOString().slice(0, 10);
  incident.actionItems = outage.story.actions.map(([type, title], i): DemoActionItem => ({
    title,
    ownerEmail: i === 0 ? "lead@demo.ops-review.test" : "engineer@demo.ops-review.test",
    dueDate: due,
    priority: "P1",
    type,
    status: "DONE",
    createdAt: new Date(mitigatedAt + 3 * HOUR),
    completedAt: new Date(resolvedAt + 10 * DAY),
  }));
  return incident;
}

/** Days back from now to each outage's start, within a window starting at `windowStart`: a few weeks back, so they show in recent trends. */
export function namedOutageDays(now: number, windowStart: number): { checkout: number; agent: number } {
  const windowDays = (now - windowStart) / DAY;
  // At least two weeks back: their postmortems are published and their actions done by now.
  return { checkout: Math.max(14, Math.min(33, windowDays * 0.6)), agent: Math.max(16, Math.min(82, windowDays * 0.8)) };
}

/** The named outages sit within the window of `weeks` weeks; the live incident started minutes ago, in the running week when it can. */
export function namedOutages(random: Random, now: number, windowStart: number, takenReferences?: Set<string>): DemoIncident[] {
  const days = namedOutageDays(now, windowStart);
  const checkout = place(random, CHECKOUT, now, days.checkout, 13);
  const agent = place(random, AGENT, now, days.agent, 9);
  const sinceMonday = (now - windowStart) % WEEK;
  const age = random.int(4, 12) * MINUTE;
  const startedAt = Math.floor(now / 1000) * 1000 - (sinceMonday > 2 * MINUTE ? Math.min(age, sinceMonday - MINUTE) : age);
  // Still under investigation: its impact lasts past now.
  const live = buildIncident(random, { severity: "SEV2", startedAt, aiShare: 0.45, takenReferences, minutes: (now - startedAt) / MINUTE + 30 }, now);
  return [checkout, agent, live];
}
