import { queryWeeklyMetrics } from "@/features/metrics/weekly";
import type { Database } from "@/lib/db/client";
import { getOrganisationSettings } from "@/lib/organisation-settings";
import { addWeeks, formatIsoWeek, isoWeekOf } from "@/lib/time/iso-week";
import type { ReviewStatus } from "../agenda-types";
import { meetingDateOf } from "../schedule";

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
