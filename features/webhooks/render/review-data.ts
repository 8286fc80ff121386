// The data of the review events, read through the review page's own reads.
import { loadMeetingActionItems, loadReviewView } from "@/features/reviews/reads/review";
import { queryWeeklyMetrics } from "@/features/metrics/reads";
import { baselineKindOf, isSoFar } from "@/features/reviews/so-far";
import type { ReviewView } from "@/features/reviews/view";
import type { Database } from "@/lib/db/client";
import { getOrganisationSettings } from "@/lib/organisation-settings";
import { addWeeks, isoWeekStartInstant, parseIsoWeek } from "@/lib/time/iso-week";
import { incidentUrl, reviewUrl } from "./links";
import type { AgendaActionItem } from "@/features/reviews/agenda-types";
import type { DigestActionItem, DigestDeepDive, DigestFigures, DigestFollowUps, ReviewDigestData, ReviewPreparedData } from "./types";
import { AGENDA_KIND_WORDS } from "./words";

/** The review of `week` as its page shows it; null when `reviewId` names a review that is no longer that week's. */
async function reviewOf(db: Database, week: string, reviewId: string | undefined, now: Date): Promise<ReviewView | null> {
  const view = await loadReviewView(db, week, now);
  return reviewId !== undefined && view.review?.id !== reviewId ? null : view;
}

export async function reviewPreparedData(
  db: Database,
  baseUrl: string,
  subject: { reviewId: string; week: string },
  now: Date,
): Promise<ReviewPreparedData | null> {
  const view = await reviewOf(db, subject.week, subject.reviewId, now);
  if (!view) return null;
  return {
    week: view.week,
    meetingDate: view.meetingDate,
    url: reviewUrl(baseUrl, view.week),
    items: view.items.map((item) => ({ kind: item.kind, kindLabel: AGENDA_KIND_WORDS[item.kind], title: item.title, minutes: item.minutes })),
  };
}

/**
 * Whether incidents were recorded from the first of the four baseline weeks on: weeks before the
 * first recorded incident are empty for want of data, not quiet, and are no baseline.
 */
async function baselineHasData(db: Database, week: string): Promise<boolean> {
  const [{ timeZone }, first] = await Promise.all([
    getOrganisationSettings(db),
    db.incident.findFirst({ orderBy: [{ startedAt: "asc" }, { id: "asc" }], select: { startedAt: true } }),
  ]);
  return first !== null && first.startedAt < isoWeekStartInstant(addWeeks(parseIsoWeek(week), -4), timeZone);
}

/**
 * The week's figures as the agenda's METRICS item shows them, held against its baseline only
 * when that is comparable and measured; read from the weekly metrics when a LEAD took the item
 * off the agenda.
 */
async function figuresOf(db: Database, view: ReviewView, now: Date): Promise<{ figures: DigestFigures; moreSev1: number }> {
  const metrics = view.items.find((item) => item.detail?.kind === "METRICS")?.detail;
  if (metrics?.kind === "METRICS") {
    const measured = await baselineHasData(db, view.week);
    const kind = measured ? baselineKindOf(metrics) : "none";
    const weekRunning = isSoFar(metrics);
    return {
      figures: {
        ...metrics.week,
        weekRunning,
        until: weekRunning ? (metrics.soFar?.until ?? null) : null,
        baseline: kind === "none" ? null : { kind, figures: metrics.baseline },
        changes: metrics.changes,
      },
      moreSev1: metrics.moreSev1 ?? 0,
    };
  }
  const { timeZone } = await getOrganisationSettings(db);
  const week = parseIsoWeek(view.week);
  const [figures] = await queryWeeklyMetrics(db, { from: week, to: week, timeZone, scope: {}, now });
  const { sev1 = 0, sev2 = 0, impactMinutes = 0, availability = 1 } = figures ?? {};
  const weekRunning = !view.weekEnded;
  return {
    figures: { sev1, sev2, impactMinutes, availability, weekRunning, until: weekRunning ? now.toISOString() : null, baseline: null, changes: null },
    moreSev1: 0,
  };
}

function deepDivesOf(view: ReviewView, baseUrl: string): DigestDeepDive[] {
  return view.items.flatMap((item) => {
    if (item.detail?.kind !== "SEV1_DEEP_DIVE") return [];
    const i = item.detail.incident;
    return [
      {
        reference: i.reference,
        title: i.title,
        url: incidentUrl(baseUrl, i.reference),
        status: i.status,
        impactMinutes: i.impactMinutes,
        usersAffected: i.usersAffected,
        blastRadius: i.blastRadius,
        rootCauseCategory: i.rootCauseCategory,
        postmortemState: i.postmortemState,
      },
    ];
  });
}

const digestActionItem = (a: AgendaActionItem, baseUrl: string, reviewPage: string): DigestActionItem => ({
  title: a.title,
  owner: a.owner,
  dueDate: a.dueDate,
  priority: a.priority,
  status: a.status,
  incidentReference: a.incidentReference,
  url: a.incidentReference ? incidentUrl(baseUrl, a.incidentReference) : reviewPage,
});

/** The Follow-ups item as the agenda shows it (frozen once the meeting started); null when it has none. */
function followUpsOf(view: ReviewView, baseUrl: string): DigestFollowUps | null {
  const detail = view.items.find((item) => item.detail?.kind === "FOLLOW_UPS")?.detail;
  if (detail?.kind !== "FOLLOW_UPS") return null;
  const { week, decisions, actionItems } = detail.previousMeeting;
  const url = reviewUrl(baseUrl, week);
  return {
    week,
    url,
    decisions: decisions.map((d) => ({ item: d.itemTitle, decision: d.decision })),
    actionItems: actionItems.map((a) => digestActionItem(a, baseUrl, url)),
  };
}

/** The weekly digest of `week`: figures, deep dives, and what its meeting decided and agreed, if one was held. */
export async function reviewDigestData(
  db: Database,
  baseUrl: string,
  subject: { reviewId?: string; week: string },
  now: Date,
): Promise<ReviewDigestData | null> {
  const view = await reviewOf(db, subject.week, subject.reviewId, now);
  if (!view) return null;
  const url = reviewUrl(baseUrl, view.week);
  const held = view.review?.startedAt ? view.review : null;
  const [{ figures, moreSev1 }, agreed] = await Promise.all([figuresOf(db, view, now), held ? loadMeetingActionItems(db, held.id) : []]);
  return {
    week: view.week,
    url,
    weekEnded: view.weekEnded,
    figures,
    moreSev1,
    deepDives: deepDivesOf(view, baseUrl),
    followUps: followUpsOf(view, baseUrl),
    meeting: held?.startedAt ? { startedAt: held.startedAt, finishedAt: held.finishedAt } : null,
    decisions: held ? view.items.filter((item) => item.decision.trim() !== "").map((item) => ({ item: item.title, decision: item.decision.trim() })) : [],
    actionItems: agreed.map((a) => digestActionItem(a, baseUrl, url)),
  };
}
