// Event data full of hostile text, for the renderers' tests: every user-typed field holds mentions,
// links, mrkdwn, emoji, astral characters, newlines and far more text than Slack takes.
import type { IncidentResponse } from "@/features/incidents/reads";
import { emptySections } from "@/lib/domain/postmortem-enums";
import type { EventDataByType } from "./types";

const BASE = "https://ops.example.test";
const SEED = "<!channel> @here <https://evil.example|click> & *bold* _it_ ~x~ `code` 🔥👩‍👩‍👧 𝒳𝒴𝒵\nsecond line > quoted\n";
/** About 10 000 characters, ending in the middle of an astral character's run. */
export const HOSTILE = (SEED.repeat(Math.ceil(10_000 / SEED.length)) + "𝒳").slice(0, 10_001);

const person = { name: HOSTILE, email: `${HOSTILE}@example.test` };

const incident: IncidentResponse = {
  id: "00000000-0000-4000-8000-000000000001",
  reference: "INC-2026-0001",
  title: HOSTILE,
  summary: HOSTILE,
  severity: "SEV1",
  status: "MITIGATED",
  services: ["checkout-api"],
  serviceDetails: Array.from({ length: 30 }, (_, n) => ({ slug: `s${n}`, name: HOSTILE, team: { slug: "t", name: HOSTILE } })),
  startedAt: "2026-03-02T10:00:00.000Z",
  detectedAt: null,
  mitigatedAt: "2026-03-02T11:00:00.000Z",
  resolvedAt: null,
  impact: { usersAffected: 1200, failedTransactions: null, regions: [], capabilities: [] },
  blastRadius: "SINGLE_SERVICE",
  rootCause: { category: "CODE_CHANGE", description: HOSTILE },
  change: { reference: null, authorLevel: "MID", approval: "PEER" },
  ai: { involvement: "NONE", tool: null, description: null },
  version: 1,
  impactMinutes: 60,
  ttdMinutes: null,
  ttmMinutes: 60,
  ttrMinutes: null,
  policyViolation: true,
  source: null,
  createdAt: "2026-03-02T10:05:00.000Z",
  updatedAt: "2026-03-02T11:05:00.000Z",
} as IncidentResponse;

const actionItems = (n: number, text = HOSTILE) =>
  Array.from({ length: n }, (_, i) => ({
    id: `a${i}`,
    title: text,
    owner: text,
    dueDate: "2026-03-25",
    status: "OPEN",
    priority: "P1",
    overdue: i % 2 === 0,
    incidentReference: text,
    url: `${BASE}/incidents/INC-2026-0001`,
  }));

export const HOSTILE_DATA: EventDataByType = {
  "incident.sev1_filed": { incident: { ...incident, url: `${BASE}/incidents/INC-2026-0001` } },
  "incident.mitigated": { incident: { ...incident, url: `${BASE}/incidents/INC-2026-0001` } },
  "postmortem.published": {
    incident: { reference: "INC-2026-0001", title: HOSTILE, url: `${BASE}/incidents/INC-2026-0001` },
    postmortem: {
      id: "p",
      incidentId: incident.id,
      state: "PUBLISHED",
      version: 3,
      sections: { ...emptySections(), impactStatement: HOSTILE, lessonsLearned: HOSTILE },
      noActionNeededReason: HOSTILE,
      submittedAt: null,
      submittedBy: person,
      publishedAt: "2026-03-05T10:00:00.000Z",
      publishedBy: person,
      updatedAt: null,
      timeline: [],
      fiveWhys: [],
      url: `${BASE}/incidents/INC-2026-0001/postmortem`,
    },
  },
  "review.prepared": {
    week: "2026-W10",
    meetingDate: "2026-03-11",
    url: `${BASE}/reviews/2026-W10`,
    items: Array.from({ length: 200 }, () => ({ kind: "CUSTOM" as const, kindLabel: "Added by a lead", title: HOSTILE, minutes: 5 })),
  },
  "review.digest": {
    week: "2026-W10",
    url: `${BASE}/reviews/2026-W10`,
    weekEnded: false,
    figures: {
      sev1: 200,
      sev2: 3,
      impactMinutes: 4000,
      availability: 0.9912,
      weekRunning: true,
      until: "2026-03-05T12:00:00.000Z",
      baseline: { kind: "same-elapsed", figures: { sev1: 1.5, sev2: 2, impactMinutes: 100, availability: 0.999 } },
      changes: {
        changes: 40,
        failed: 2,
        changeFailureRate: 0.05,
        aiInvolved: { changes: 10, failed: 1, changeFailureRate: 0.1 },
        other: { changes: 30, failed: 1, changeFailureRate: 1 / 30 },
        withoutRequiredSignOff: 3,
        weekRunning: true,
      },
    },
    moreSev1: 190,
    deepDives: Array.from({ length: 200 }, () => ({
      reference: HOSTILE,
      title: HOSTILE,
      url: `${BASE}/incidents/INC-2026-0001`,
      status: "MITIGATED",
      impactMinutes: 60,
      usersAffected: 5,
      blastRadius: "SINGLE_SERVICE",
      rootCauseCategory: "CODE_CHANGE",
      postmortemState: null,
    })),
    meeting: { startedAt: "2026-03-11T09:00:00.000Z", finishedAt: null },
    followUps: {
      week: "2026-W09",
      url: `${BASE}/reviews/2026-W09`,
      decisions: Array.from({ length: 200 }, () => ({ item: HOSTILE, decision: HOSTILE })),
      actionItems: actionItems(200),
    },
    decisions: Array.from({ length: 200 }, () => ({ item: HOSTILE, decision: HOSTILE })),
    actionItems: actionItems(200),
  },
  "action_items.due": {
    date: "2026-03-12",
    weekEndsOn: "2026-03-15",
    url: `${BASE}/action-items`,
    // The first owner's items are 10 000 characters each; the many others' are shorter, to keep the body in memory.
    owners: Array.from({ length: 60 }, (_, i) => {
      const items = actionItems(200, i === 0 ? HOSTILE : SEED);
      return {
        name: i % 3 === 0 ? null : HOSTILE,
        email: `${SEED}${i}@example.test`,
        overdue: items.filter((a) => a.overdue),
        dueThisWeek: items.filter((a) => !a.overdue),
      };
    }),
  },
  "webhook.test": { message: "This is a test from Ops Review", url: BASE },
};
