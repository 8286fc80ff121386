import type { AgendaFacts, AgendaIncident, AgendaItemDetail, PreviousMeeting, ProposedItem } from "./agenda-types";

/** Postmortems of SEV1s are expected to be published within this many days of the start. */
export const POSTMORTEM_DUE_DAYS = 14;

/** Long lists (SEV2s, AI-involved incidents, overdue action items, pending postmortems) show this many rows and count the rest; a week gets at most this many SEV1 deep dives. */
export const AGENDA_LIST_LIMIT = 50;

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;
const timeBox = (count: number, perItem: number, min: number, max: number) => Math.min(max, Math.max(min, count * perItem));
const more = (total: number, shown: number) => Math.max(0, total - shown);
/** An item about a bounded backlog, keyed by its kind and titled with the backlog's total. */
const backlogItem = (
  kind: "OVERDUE_ACTION_ITEMS" | "POSTMORTEMS_PENDING",
  label: string,
  total: number,
  minutes: number,
  detail: AgendaItemDetail,
): ProposedItem => ({
  key: kind,
  kind,
  title: `${label}: ${total.toLocaleString("en-US")}`,
  minutes,
  detail,
});

/** The FOLLOW_UPS item: what the previous held meeting decided and agreed; none when it recorded neither. */
function followUpsItem(meeting: PreviousMeeting | null): ProposedItem[] {
  if (!meeting || (meeting.decisions.length === 0 && meeting.actionItems.length === 0)) return [];
  const { decisions, actionItems } = meeting;
  const done = actionItems.filter((a) => a.status === "DONE").length;
  const counts = [
    ...(decisions.length > 0 ? [plural(decisions.length, "decision")] : []),
    ...(actionItems.length > 0 ? [`${done} of ${plural(actionItems.length, "action item")} done`] : []),
  ];
  return [
    {
      key: "FOLLOW_UPS",
      kind: "FOLLOW_UPS",
      title: `Follow-ups from the ${meeting.week} review: ${counts.join(", ")}`,
      minutes: timeBox(decisions.length + actionItems.length, 1, 5, 10),
      detail: {
        kind: "FOLLOW_UPS",
        previousMeeting: meeting,
        actionItemIds: actionItems.map((a) => a.id),
        incidentReferences: [...new Set(actionItems.flatMap((a) => (a.incidentReference ? [a.incidentReference] : [])))],
      },
    },
  ];
}

/** Most impact first; ties by start, then reference (the order the week's SQL picks its top rows in). */
export const byImpactDescending = (a: AgendaIncident, b: AgendaIncident) =>
  b.impactMinutes - a.impactMinutes || a.startedAt.localeCompare(b.startedAt) || a.reference.localeCompare(b.reference);

/** The AI change review's order: policy violations first, then most impact. */
export const aiReviewOrder = (a: AgendaIncident, b: AgendaIncident) => Number(b.policyViolation) - Number(a.policyViolation) || byImpactDescending(a, b);

/**
 * The agenda docs/domain.md proposes for a week, in its order: the week at a glance, the previous
 * meeting's follow-ups, a deep dive per
 * SEV1 (most impact first), the AI-involved changes (policy violations first), the SEV2
 * roundup, overdue action items, pending postmortems and the wheel. Empty items are left out.
 */
export function buildProposedAgenda(facts: AgendaFacts): ProposedItem[] {
  const items: ProposedItem[] = [];
  const { incidents } = facts;

  // A week of more SEV1s than any meeting can walk gets deep dives for the AGENDA_LIST_LIMIT with the most impact; the week at a glance counts the rest.
  const deepDives = incidents
    .filter((i) => i.severity === "SEV1")
    .sort(byImpactDescending)
    .slice(0, AGENDA_LIST_LIMIT);
  const moreSev1 = more(facts.counts.sev1, deepDives.length);
  items.push({
    key: "METRICS",
    kind: "METRICS",
    title: "The week at a glance",
    minutes: 5,
    detail: { kind: "METRICS", ...facts.metrics, ...(moreSev1 > 0 ? { moreSev1 } : {}) },
  });
  items.push(...followUpsItem(facts.previousMeeting));

  for (const incident of deepDives) {
    items.push({
      key: `SEV1_DEEP_DIVE:${incident.reference}`,
      kind: "SEV1_DEEP_DIVE",
      title: `${incident.reference}: ${incident.title}`,
      minutes: 10,
      detail: { kind: "SEV1_DEEP_DIVE", incident },
    });
  }

  const { counts } = facts;
  if (counts.aiInvolved > 0) {
    const shown = incidents
      .filter((i) => i.aiInvolvement !== "NONE")
      .sort(aiReviewOrder)
      .slice(0, AGENDA_LIST_LIMIT);
    items.push({
      key: "AI_CHANGE_REVIEW",
      kind: "AI_CHANGE_REVIEW",
      title: `AI-involved changes: ${plural(counts.aiInvolved, "incident")}, ${plural(counts.aiPolicyViolations, "policy violation")}`,
      minutes: timeBox(counts.aiInvolved, 2, 5, 15),
      detail: { kind: "AI_CHANGE_REVIEW", incidents: shown, more: more(counts.aiInvolved, shown.length) },
    });
  }

  if (counts.sev2 > 0) {
    const shown = incidents
      .filter((i) => i.severity === "SEV2")
      .sort(byImpactDescending)
      .slice(0, AGENDA_LIST_LIMIT);
    items.push({
      key: "SEV2_ROUNDUP",
      kind: "SEV2_ROUNDUP",
      title: `Sev2 roundup: ${plural(counts.sev2, "incident")}`,
      minutes: timeBox(counts.sev2, 1, 5, 15),
      detail: { kind: "SEV2_ROUNDUP", incidents: shown, more: more(counts.sev2, shown.length) },
    });
  }

  const overdue = facts.overdueActionItems;
  if (overdue.total > 0) {
    const shown = overdue.rows.slice(0, AGENDA_LIST_LIMIT);
    const incidentReferences = [...new Set(shown.flatMap((a) => (a.incidentReference ? [a.incidentReference] : [])))];
    items.push(
      backlogItem("OVERDUE_ACTION_ITEMS", "Overdue action items", overdue.total, timeBox(overdue.total, 1, 5, 10), {
        kind: "OVERDUE_ACTION_ITEMS",
        actionItems: shown,
        more: more(overdue.total, shown.length),
        actionItemIds: shown.map((a) => a.id),
        incidentReferences,
      }),
    );
  }

  const pending = facts.pendingPostmortems;
  if (pending.total > 0) {
    const shown = pending.rows.slice(0, AGENDA_LIST_LIMIT);
    const detail = {
      kind: "POSTMORTEMS_PENDING",
      postmortems: shown,
      more: more(pending.total, shown.length),
      incidentReferences: shown.map((p) => p.reference),
    } as const;
    items.push(backlogItem("POSTMORTEMS_PENDING", "Postmortems pending", pending.total, 5, detail));
  }

  const { service, candidates } = facts.wheel;
  if (service) {
    items.push({ key: "WHEEL", kind: "WHEEL", title: `The wheel: ${service.name}`, minutes: 5, detail: { kind: "WHEEL", service, candidates } });
  }
  return items;
}
