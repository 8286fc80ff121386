import { getOrganisationSettings } from "@/lib/organisation-settings";
import type { Database } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { addWeeks, formatIsoWeek, isoWeekOf, isoWeekStartInstant, parseIsoWeek } from "@/lib/time/iso-week";
import { AGENDA_LIST_LIMIT, buildProposedAgenda } from "./agenda";
import { actionItemWithOwnerAndIncident, toAgendaActionItem } from "./backlog-facts";
import { gatherAgendaFacts } from "./facts";
import { meetingDateOf, weekHasEnded } from "./schedule";
import { readSnapshot } from "./snapshot";
import type { AgendaActionItem, AgendaItemDetail, ReviewStatus } from "./agenda-types";
import { assembleReviewView, type AgendaItemView, type ChangedIncident, type ReviewSnapshot, type ReviewView, type StoredReview } from "./view";
import { queryWeeklyMetrics } from "@/features/metrics/weekly";
import { fullListHref } from "./full-list-href";
import { isSoFar } from "./so-far";

/** The stored review of a week with its items, or null while it is still only a proposal. */
export async function loadStoredReview(db: Pick<Database, "review">, week: string): Promise<StoredReview | null> {
  const row = await db.review.findUnique({
    where: { isoWeek: week },
    include: { agendaItems: { include: { presenter: { select: { id: true, name: true, email: true } } } } },
  });
  if (!row) return null;
  return {
    id: row.id,
    status: row.status,
    version: row.version,
    preparedAt: row.preparedAt,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
    wheelSpunAt: row.wheelSpunAt,
    currentItemId: row.currentItemId,
    snapshot: readSnapshot(row.snapshot),
    items: row.agendaItems.map((item) => ({
      ...item,
      presenter: item.presenter ? { id: item.presenter.id, name: item.presenter.name ?? item.presenter.email } : null,
    })),
  };
}

type VersionRow = { reference: string; title: string; version: number; created_at: Date };

/**
 * The incidents a frozen agenda must flag, in one query: those it showed (by reference, one
 * array parameter), and of the week's others the SEV1s due a deep dive (the AGENDA_LIST_LIMIT
 * with the most impact, as the agenda picks them) and those filed since. A SEV2 beyond a
 * bounded list, or a SEV1 beyond the deep dives, was counted, not shown, so it is not flagged.
 */
export function frozenWeekIncidentsSql(snapshot: ReviewSnapshot, start: Date, end: Date, now = new Date()): Prisma.Sql {
  return Prisma.sql`
    SELECT reference, title, version, created_at FROM incidents
    WHERE reference = ANY(${Object.keys(snapshot.incidentVersions)}::text[])
       OR id IN (
         SELECT id FROM incidents WHERE started_at >= ${start}::timestamptz AND started_at < ${end}::timestamptz AND severity = 'SEV1'
         ORDER BY greatest(0, floor(extract(epoch FROM coalesce(mitigated_at, ${now}::timestamptz) - started_at) / 60)) DESC, started_at, reference
         LIMIT ${AGENDA_LIST_LIMIT})
       OR (started_at >= ${start}::timestamptz AND started_at < ${end}::timestamptz AND created_at > ${new Date(snapshot.frozenAt)}::timestamptz)
    ORDER BY reference`;
}

/**
 * Incidents of a frozen agenda edited since the meeting started, and incidents of the week the
 * frozen agenda did not show: filed since, or SEV1s left off it.
 */
async function changedSinceMeeting(db: Database, week: string, timeZone: string, snapshot: ReviewSnapshot): Promise<ChangedIncident[]> {
  const isoWeek = parseIsoWeek(week);
  const start = isoWeekStartInstant(isoWeek, timeZone);
  const end = isoWeekStartInstant(addWeeks(isoWeek, 1), timeZone);
  const rows = await db.$queryRaw<VersionRow[]>(frozenWeekIncidentsSql(snapshot, start, end));
  const frozenAt = Date.parse(snapshot.frozenAt);
  return rows.flatMap((row): ChangedIncident[] => {
    const frozenVersion = snapshot.incidentVersions[row.reference] ?? null;
    if (frozenVersion === row.version) return [];
    const reason = frozenVersion !== null ? "edited" : row.created_at.getTime() > frozenAt ? "filed-after-start" : "not-on-agenda";
    return [{ reference: row.reference, title: row.title, reason, frozenVersion, currentVersion: row.version }];
  });
}

/** Everything the review page of `week` shows, as of `now`. */
export async function loadReviewView(db: Database, week: string, now = new Date()): Promise<ReviewView> {
  const settings = await getOrganisationSettings(db);
  const review = await loadStoredReview(db, week);
  const meetingDate = meetingDateOf(week, settings.meetingWeekday);
  const base = { week, meetingDate, weekEnded: weekHasEnded(week, settings.timeZone, now), meetingLengthMinutes: settings.meetingLengthMinutes, review };
  if (review?.snapshot) {
    const changed = await changedSinceMeeting(db, week, settings.timeZone, review.snapshot);
    return assembleReviewView({ ...base, judgedOn: review.snapshot.judgedOn, proposed: [], changedSinceMeeting: changed });
  }
  const facts = await gatherAgendaFacts(db, week, now);
  return assembleReviewView({ ...base, judgedOn: facts.judgedOn, proposed: buildProposedAgenda(facts), changedSinceMeeting: [] });
}

/** An action item agreed in the meeting, with the agenda item it was agreed on (null if recorded before that was kept). */
export type MeetingActionItem = AgendaActionItem & { type: string; agendaItemId: string | null };

/** The action items agreed in a review's meeting, in the order they were agreed. */
export async function loadMeetingActionItems(db: Pick<Database, "actionItem">, reviewId: string): Promise<MeetingActionItem[]> {
  const rows = await db.actionItem.findMany({ where: { reviewId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], include: actionItemWithOwnerAndIncident });
  return rows.map((row) => ({ ...toAgendaActionItem(row), type: row.type, agendaItemId: row.agendaItemId }));
}

/** People who can present an item: every active user, by name. */
export async function loadPresenters(db: Pick<Database, "user">): Promise<{ id: string; name: string }[]> {
  const users = await db.user.findMany({ where: { active: true }, select: { id: true, name: true, email: true }, orderBy: [{ name: "asc" }, { email: "asc" }] });
  return users.map((u) => ({ id: u.id, name: u.name ?? u.email }));
}

export type ReviewWeekRow = {
  week: string;
  meetingDate: string;
  status: ReviewStatus;
  sev1: number;
  sev2: number;
  aiInvolved: number;
  policyViolations: number;
  agendaItems: number | null;
};

/**
 * One row per ISO week, newest first, starting with the current week (whose review is next
 * week's meeting) and going back `weeks` weeks.
 */
export async function listReviewWeeks(db: Database, now = new Date(), weeks = 26): Promise<ReviewWeekRow[]> {
  const settings = await getOrganisationSettings(db);
  const current = isoWeekOf(now, settings.timeZone);
  const first = addWeeks(current, -(weeks - 1));
  const [figures, reviews] = await Promise.all([
    queryWeeklyMetrics(db, { from: first, to: current, timeZone: settings.timeZone, scope: {}, now }),
    db.review.findMany({
      where: { isoWeek: { gte: formatIsoWeek(first), lte: formatIsoWeek(current) } },
      select: { isoWeek: true, status: true, meetingDate: true, _count: { select: { agendaItems: true } } },
    }),
  ]);
  const stored = new Map(reviews.map((r) => [r.isoWeek, r]));
  return figures.reverse().map((w) => {
    const review = stored.get(w.week);
    return {
      week: w.week,
      meetingDate: review ? review.meetingDate.toISOString().slice(0, 10) : meetingDateOf(w.week, settings.meetingWeekday),
      status: review?.status ?? "NOT_PREPARED",
      sev1: w.sev1,
      sev2: w.sev2,
      aiInvolved: w.aiInvolved,
      policyViolations: w.policyViolations,
      agendaItems: review ? review._count.agendaItems : null,
    };
  });
}

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
      ...(item.kind === "OVERDUE_ACTION_ITEMS" ? { actionItemIds: item.actionItemIds } : {}),
      ...(item.kind === "WHEEL" ? { service: item.service } : {}),
      ...listCountsOf(item, view),
      ...changeFiguresOf(item),
    })),
  };
}
