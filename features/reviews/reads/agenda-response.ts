import type { AgendaItemDetail } from "../agenda-types";
import { fullListHref } from "../full-list-href";
import { isSoFar } from "../so-far";
import type { AgendaItemView, ReviewView } from "../view";

/** How many rows a list item's detail shows; the rest are counted in `more`. */
const listedRows = (detail: AgendaItemDetail): number | null => {
  switch (detail.kind) {
    case "AI_CHANGE_REVIEW":
    case "SEV2_ROUNDUP":
      return detail.incidents.length;
    case "OVERDUE_ACTION_ITEMS":
      return detail.actionItems.length;
    case "POSTMORTEMS_PENDING":
      return detail.postmortems.length;
    default:
      return null;
  }
};

/**
 * A list item's counts: `total` it is about, `shown` named by its references (or action item
 * ids), and `listUrl`, the app's page listing all of them. A snapshot frozen before lists were
 * bounded names every one, so its `shown` equals its `total`.
 */
function listCountsOf(item: AgendaItemView, view: ReviewView) {
  const listed = item.detail ? listedRows(item.detail) : null;
  if (listed === null || !item.detail || !("more" in item.detail)) return {};
  const shown = item.kind === "OVERDUE_ACTION_ITEMS" ? item.actionItemIds.length : item.incidentReferences.length;
  return { total: listed + item.detail.more, shown, listUrl: fullListHref(item.kind, view.week, view.judgedOn) };
}

/** The METRICS item's change figures (null when the meeting was frozen before they were counted), and whether its figures are the week so far. */
function changeFiguresOf(item: AgendaItemView) {
  if (item.detail?.kind !== "METRICS") return {};
  const figures = item.detail.changes;
  const partial = isSoFar(item.detail);
  if (!figures) return { partial, changes: null };
  const { changes, failed, changeFailureRate, aiInvolved, other, withoutRequiredSignOff, weekRunning } = figures;
  return { partial, changes: { changes, failed, changeFailureRate, aiInvolved, other, withoutRequiredSignOff, weekRunning } };
}

/** GET /api/v1/reviews/{isoWeek}/agenda, exactly as docs/api.md shapes it (plus the review's status, list counts and the METRICS item's change figures). */
export function toAgendaResponse(view: ReviewView) {
  return {
    week: view.week,
    status: view.status,
    frozen: view.frozen,
    weekEnded: view.weekEnded,
    items: view.items.map((item) => ({
      kind: item.kind,
      title: item.title,
      incidentReferences: item.incidentReferences,
      order: item.order,
      minutes: item.minutes,
      ...(item.kind === "OVERDUE_ACTION_ITEMS" || item.kind === "FOLLOW_UPS" ? { actionItemIds: item.actionItemIds } : {}),
      ...(item.kind === "WHEEL" ? { service: item.service } : {}),
      ...listCountsOf(item, view),
      ...changeFiguresOf(item),
    })),
  };
}
