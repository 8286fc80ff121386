import { changeCountsOf } from "./reads/change-facts";
import type { AgendaActionItem, AgendaFacts, AgendaIncident, WeekIncidentCounts } from "./agenda-types";

const countsOf = (incidents: AgendaIncident[]): WeekIncidentCounts => ({
  sev1: incidents.filter((i) => i.severity === "SEV1").length,
  sev2: incidents.filter((i) => i.severity === "SEV2").length,
  aiInvolved: incidents.filter((i) => i.aiInvolvement !== "NONE").length,
  aiPolicyViolations: incidents.filter((i) => i.aiInvolvement !== "NONE" && i.policyViolation).length,
});

/** A hand-made incident of the covered week; override what the test is about. */
export function incidentOf(reference: string, overrides: Partial<AgendaIncident> = {}): AgendaIncident {
  return {
    id: `id-${reference}`,
    reference,
    title: `Incident ${reference}`,
    severity: "SEV2",
    status: "RESOLVED",
    startedAt: "2026-03-03T10:00:00.000Z",
    mitigatedAt: "2026-03-03T11:00:00.000Z",
    impactMinutes: 60,
    usersAffected: 100,
    blastRadius: "SINGLE_SERVICE",
    services: ["checkout"],
    rootCauseCategory: "CODE_CHANGE",
    rootCauseDescription: "",
    changeAuthorLevel: null,
    changeApproval: "PEER",
    aiInvolvement: "NONE",
    aiTool: null,
    aiDescription: null,
    policyViolation: false,
    policyViolationReason: null,
    postmortemState: null,
    timeline: [],
    triggeringChange: { state: "not-named", requiredApproval: [] },
    repeats: null,
    version: 1,
    ...overrides,
  };
}

export function actionItemOf(id: string, overrides: Partial<AgendaActionItem> = {}): AgendaActionItem {
  return {
    id,
    title: `Action ${id}`,
    owner: "ana@example.test",
    dueDate: "2026-03-01",
    status: "OPEN",
    priority: "P2",
    incidentReference: "INC-2026-0001",
    agreedInWeek: null,
    ...overrides,
  };
}

const none = changeCountsOf(0, 0);
const noChanges = { ...none, aiInvolved: none, other: none, withoutRequiredSignOff: 0, weekRunning: false };

/** Week 2026-W10 (2 to 8 March), judged at its meeting on Wednesday 11 March; counts follow the incidents given. */
export function factsOf(overrides: Partial<AgendaFacts> = {}): AgendaFacts {
  const zero = { sev1: 0, sev2: 0, impactMinutes: 0, availability: 1 };
  return {
    week: "2026-W10",
    judgedOn: "2026-03-11",
    weekStart: "2026-03-02T00:00:00.000Z",
    metrics: { week: zero, baseline: zero, changes: noChanges, soFar: null },
    incidents: [],
    overdueActionItems: { rows: [], total: 0 },
    pendingPostmortems: { rows: [], total: 0 },
    wheel: { service: null, candidates: [] },
    previousMeeting: null,
    ...overrides,
    // What the week's SQL counts, for the incidents given (a test of a bigger week passes its own).
    counts: overrides.counts ?? countsOf(overrides.incidents ?? []),
  };
}
