import type { ReviewView } from "./view-types";

/** GET /api/v1/reviews/{isoWeek}/agenda, exactly as SPEC.md shapes it (plus the review's status). */
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
    })),
  };
}
