import { isOverdue } from "@/features/action-items/overdue";
import { addDays } from "@/lib/time/iso-week";
import type { AgendaFacts, AgendaIncident, ProposedItem } from "./types";

/** Postmortems of SEV1s are expected to be published within this many days of the start. */
export const POSTMORTEM_DUE_DAYS = 14;

/** Overdue action items and pending postmortems beyond this many are counted, not shown. */
export const AGENDA_LIST_LIMIT = 50;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const timeBox = (count: number, perItem: number, min: number, max: number) => Math.min(max, Math.max(min, count * perItem));

/** The first AGENDA_LIST_LIMIT rows under `name`, and how many more there are. */
const listed = <T, K extends string>(rows: T[], name: K) =>
  ({ [name]: rows.slice(0, AGENDA_LIST_LIMIT), more: Math.max(0, rows.length - AGENDA_LIST_LIMIT) }) as Record<K, T[]> & { more: number };

const byImpactDescending = (a: AgendaIncident, b: AgendaIncident) =>
  b.impactMinutes - a.impactMinutes || a.startedAt.localeCompare(b.startedAt) || a.reference.localeCompare(b.reference);

/**
 * The agenda docs/domain.md proposes for a week, in its order: the week at a glance, a deep dive per
 * SEV1 (most impact first), the AI-involved changes (policy violations first), the SEV2
 * roundup, overdue action items, pending postmortems and the wheel. Empty items are left out.
 */
export function buildProposedAgenda(facts: AgendaFacts): ProposedItem[] {
  const items: ProposedItem[] = [];
  const { incidents } = facts;

  items.push({ key: "METRICS", kind: "METRICS", title: "The week at a glance", minutes: 5, detail: { kind: "METRICS", ...facts.metrics } });

  for (const incident of incidents.filter((i) => i.severity === "SEV1").sort(byImpactDescending)) {
    items.push({
      key: `SEV1_DEEP_DIVE:${incident.reference}`,
      kind: "SEV1_DEEP_DIVE",
      title: `${incident.reference}: ${incident.title}`,
      minutes: 10,
      detail: { kind: "SEV1_DEEP_DIVE", incident },
    });
  }

  const aiInvolved = incidents
    .filter((i) => i.aiInvolvement !== "NONE")
    .sort((a, b) => Number(b.policyViolation) - Number(a.policyViolation) || a.startedAt.localeCompare(b.startedAt));
  if (aiInvolved.length > 0) {
    const violations = aiInvolved.filter((i) => i.policyViolation).length;
    items.push({
      key: "AI_CHANGE_REVIEW",
      kind: "AI_CHANGE_REVIEW",
      title: `AI-involved changes: ${plural(aiInvolved.length, "incident")}, ${plural(violations, "policy violation")}`,
      minutes: timeBox(aiInvolved.length, 2, 5, 15),
      detail: { kind: "AI_CHANGE_REVIEW", incidents: aiInvolved },
    });
  }

  const sev2s = incidents.filter((i) => i.severity === "SEV2").sort((a, b) => a.startedAt.localeCompare(b.startedAt));
  if (sev2s.length > 0) {
    items.push({
      key: "SEV2_ROUNDUP",
      kind: "SEV2_ROUNDUP",
      title: `Sev2 roundup: ${plural(sev2s.length, "incident")}`,
      minutes: timeBox(sev2s.length, 1, 5, 15),
      detail: { kind: "SEV2_ROUNDUP", incidents: sev2s },
    });
  }

  const overdue = facts.openActionItems
    .filter((item) => isOverdue(item, facts.judgedOn))
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.priority.localeCompare(b.priority) || a.id.localeCompare(b.id));
  if (overdue.length > 0) {
    items.push({
      key: "OVERDUE_ACTION_ITEMS",
      kind: "OVERDUE_ACTION_ITEMS",
      title: `Overdue action items: ${overdue.length}`,
      minutes: timeBox(overdue.length, 1, 5, 10),
      detail: {
        kind: "OVERDUE_ACTION_ITEMS",
        ...listed(overdue, "actionItems"),
        actionItemIds: overdue.map((a) => a.id),
        incidentReferences: [...new Set(overdue.map((a) => a.incidentReference))],
      },
    });
  }

  const dueBy = addDays(facts.judgedOn, -POSTMORTEM_DUE_DAYS);
  const pending = facts.unpublishedSev1s
    .filter((p) => p.startedAt < facts.weekStart && p.startedOn <= dueBy)
    .sort((a, b) => a.startedAt.localeCompare(b.startedAt));
  if (pending.length > 0) {
    items.push({
      key: "POSTMORTEMS_PENDING",
      kind: "POSTMORTEMS_PENDING",
      title: `Postmortems pending: ${pending.length}`,
      minutes: 5,
      detail: { kind: "POSTMORTEMS_PENDING", ...listed(pending, "postmortems"), incidentReferences: pending.map((p) => p.reference) },
    });
  }

  const { service, candidates } = facts.wheel;
  if (service) {
    items.push({ key: "WHEEL", kind: "WHEEL", title: `The wheel: ${service.name}`, minutes: 5, detail: { kind: "WHEEL", service, candidates } });
  }
  return items;
}
