import type { AgendaItemView, ReviewView } from "./view-types";

/** The METRICS item's change figures; null when the meeting was frozen before they were counted. */
function changeFiguresOf(item: AgendaItemView) {
  if (item.detail?.kind !== "METRICS") return {};
  const figures = item.detail.changes;
  if (!figures) return { changes: null };
  const { changes, failed, changeFailureRate, aiInvolved, other, withoutRequiredSignOff, weekRunning } = figures;
  return { changes: { changes, failed, changeFailureRate, aiInvolved, other, withoutRequiredSignOff, weekRunning } };
}

/** GET /api/v1/reviews/{isoWeek}/agenda, exactly as SPEC.md shapes it (plus the review's status and the METRICS item's change figures). */
export function toAgendaResponse(view: ReviewView) {
  return {
    week: view.week,
    status: view.status,
    frozen: view.frozen,
    items: view.items.map((item) => ({
      kind: item.kind,
      title: item.title,
      incidentReferences: item.incidentReferences,
      order: item.order,
      minutes: item.minutes,
      ...(item.kind === "OVERDUE_ACTION_ITEMS" ? { actionItemIds: item.actionItemIds } : {}),
      ...(item.kind === "WHEEL" ? { service: item.service } : {}),
      ...changeFiguresOf(item),
    })),
  };
}
