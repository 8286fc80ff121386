// The incidents every demo needs to show, written by hand: the six-hour checkout outage of
// an AI-assisted change, the thirteen-hour outage of an AI agent that rebuilt an environment,
// and one incident under investigation right now.
import type { Commit } from "../../features/changes/trailers";
import { isPolicyViolation } from "../../features/incidents/policy";
import { DAY, HOUR, MINUTE, buildIncident } from "./incident";
import { addPostmortem } from "./postmortem";
import type { Random } from "./random";
import type { DemoActionItem, DemoIncident } from "./types";

export const CHECKOUT_OUTAGE_TITLE = "Checkout unavailable for six hours after AI-assisted pricing change";
export const AGENT_OUTAGE_TITLE = "cn-north-1 down for thirteen hours after AI agent recreated the environment";

type Outage = Omit<DemoIncident, "reference" | "status" | "policyViolation" | "postmortem" | "actionItems" | "startedAt" | "detectedAt" | "mitigatedAt" | "resolvedAt">;

const CHECKOUT: Outage = {
  title: CHECKOUT_OUTAGE_TITLE,
  summary:
    "For six hours customers could not complete checkout: the **Checkout API** rejected every basket that held a discounted item. " +
    "22,816 customers were affected and 9,412 orders failed.\n\nImpact ended when the pricing change was rolled back.",
  severity: "SEV1",
  serviceSlugs: ["checkout-api", "pricing", "cart"],
  usersAffected: 22_816,
  failedTransactions: 9_412,
  regions: ["us-east-1", "us-west-2", "eu-west-1"],
  capabilities: ["checkout", "pricing", "basket"],
  blastRadius: "MULTI_SERVICE",
  rootCauseCategory: "CODE_CHANGE",
  rootCauseDescription:
    "A refactor of the discount calculation in **Pricing** changed the rounding of line totals from half-even to half-up. " +
    "**Checkout API** compares the basket total with the sum of its lines and rejected every basket where the two disagreed by a cent.",
  changeReference: "https://git.example.test/shop/pricing/pull/8841",
  changeAuthorLevel: "MID",
  changeApproval: "PEER",
  aiInvolvement: "ASSISTED",
  aiTool: "Amazon Q Developer",
  aiDescription: "The author accepted Amazon Q Developer's rewrite of the rounding helper; the suggestion looked equivalent and passed the unit tests, which used whole-number prices.",
  createdByEmail: "priya.raman@demo.ops-review.test",
};

const AGENT: Outage = {
  title: AGENT_OUTAGE_TITLE,
  summary:
    "For thirteen hours orders in **cn-north-1** could not be routed or promised a delivery date: the region's production environment had been deleted and was being rebuilt.\n\n" +
    "Impact ended once the environment was recreated and its data restored from snapshots.",
  severity: "SEV1",
  serviceSlugs: ["k8s-platform", "order-router", "inventory", "shipping-quotes"],
  usersAffected: 31_540,
  failedTransactions: 12_077,
  regions: ["cn-north-1"],
  capabilities: ["checkout", "delivery-promise", "order-tracking", "availability"],
  blastRadius: "REGIONAL",
  rootCauseCategory: "INFRA_CHANGE",
  rootCauseDescription:
    "An engineer asked **Kiro** to fix configuration drift on one security group of the cn-north-1 production environment. " +
    "The agent, running with the operator role, decided the quickest fix was to delete and recreate the whole environment, and did so without asking for confirmation.",
  changeReference: "CHG-9127",
  changeAuthorLevel: "MID",
  changeApproval: "PEER",
  aiInvolvement: "AGENT",
  aiTool: "Kiro",
  aiDescription: "Kiro deleted and recreated the environment: it ran the teardown and the provisioning itself, with no senior sign-off and no human confirmation step.",
  createdByEmail: "kenji.watanabe@demo.ops-review.test",
};

/** Their changes' references: no generated change may take one. */
export const NAMED_CHANGE_REFERENCES: readonly string[] = [CHECKOUT.changeReference ?? "", AGENT.changeReference ?? ""];

/** What the deploy pipeline recorded for the two outages' changes, written by hand as the outages are. */
export const NAMED_CHANGES: Readonly<Record<string, { title: string; commits: Commit[] }>> = {
  [CHECKOUT.changeReference ?? ""]: {
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
  [AGENT.changeReference ?? ""]: { title: "Fix configuration drift on the cn-north-1 production security group", commits: [] },
};

const LESSONS: Record<string, DemoActionItem["title"][]> = {
  [CHECKOUT_OUTAGE_TITLE]: ["Require senior sign-off for AI-assisted changes to pricing and checkout", "Test rounding with fractional prices and discounts"],
  [AGENT_OUTAGE_TITLE]: ["Require human confirmation before an agent deletes any environment", "Scope agent credentials to non-production by default"],
};

/** Places an outage at a fixed time of day, `daysAgo` before now, and gives it a published postmortem. */
function place(random: Random, outage: Outage, now: number, daysAgo: number, startHour: number, mitigationHours: number): DemoIncident {
  const startedAt = Math.floor((now - daysAgo * DAY) / DAY) * DAY + startHour * HOUR + 7 * MINUTE;
  const mitigatedAt = startedAt + mitigationHours * HOUR + 2 * MINUTE;
  const resolvedAt = mitigatedAt + 30 * HOUR;
  const incident: DemoIncident = {
    ...outage,
    reference: "",
    status: "RESOLVED",
    startedAt: new Date(startedAt),
    detectedAt: new Date(startedAt + 4 * MINUTE),
    mitigatedAt: new Date(mitigatedAt),
    resolvedAt: new Date(resolvedAt),
    policyViolation: isPolicyViolation({ aiInvolvement: outage.aiInvolvement, authorLevel: outage.changeAuthorLevel, approval: outage.changeApproval }),
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
  }
  const due = new Date(resolvedAt + 14 * DAY).toISOString().slice(0, 10);
  const lessons = (LESSONS[outage.title] ?? []).map((title, i): DemoActionItem => ({
    title,
    ownerEmail: i === 0 ? "lead@demo.ops-review.test" : "engineer@demo.ops-review.test",
    dueDate: due,
    priority: "P1",
    type: i === 0 ? "PROCESS" : "PREVENT",
    status: "DONE",
    createdAt: new Date(mitigatedAt + 3 * HOUR),
    completedAt: new Date(resolvedAt + 10 * DAY),
  }));
  incident.actionItems = [...lessons, ...incident.actionItems];
  return incident;
}

/** The named outages sit within the window of `weeks` weeks, a few weeks back so they show in recent trends. */
export function namedOutages(random: Random, now: number, windowStart: number, takenReferences?: Set<string>): DemoIncident[] {
  const windowDays = (now - windowStart) / DAY;
  // At least two weeks back: their postmortems are published and their actions done by now.
  const checkout = place(random, CHECKOUT, now, Math.max(14, Math.min(33, windowDays * 0.6)), 13, 6);
  const agent = place(random, AGENT, now, Math.max(16, Math.min(82, windowDays * 0.8)), 9, 13);
  const live = buildIncident(random, { severity: "SEV2", startedAt: Math.floor(now / 1000) * 1000 - random.int(8, 18) * MINUTE, aiShare: 0.45, takenReferences }, now);
  return [checkout, agent, live];
}
