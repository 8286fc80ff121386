import { getOrganisationSettings } from "@/lib/organisation-settings";
import type { Database } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { addWeeks, isoWeekStartInstant, parseIsoWeek } from "@/lib/time/iso-week";
import { AGENDA_LIST_LIMIT, buildProposedAgenda } from "../agenda";
import { actionItemWithOwnerAndIncident, toAgendaActionItem } from "./backlog-facts";
import { gatherAgendaFacts } from "./agenda-facts";
import { meetingDateOf, weekHasEnded } from "../schedule";
import { readSnapshot } from "../snapshot";
import type { AgendaActionItem } from "../agenda-types";
import { assembleReviewView, type ChangedIncident, type ReviewSnapshot, type ReviewView, type StoredReview } from "../view";

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
  const users = await db.user.findMany({
    where: { active: true },
    select: { id: true, name: true, email: true },
    orderBy: [{ name: "asc" }, { email: "asc" }],
  });
  return users.map((u) => ({ id: u.id, name: u.name ?? u.email }));
}
