// The weekly reviews of the demo year's last weeks, made through the same functions a LEAD's
// clicks reach: four meetings held (frozen, with notes and decisions) and last week's agenda
// prepared for this week's meeting.
import { recordItemNotes, updateAgendaItem } from "@/features/reviews/mutations/item-edits";
import { finishReviewMeeting, goToAgendaItem, markReviewPrepared, startReviewMeeting } from "@/features/reviews/mutations/meeting";
import { loadReviewView } from "@/features/reviews/reads/review";
import { meetingDateOf } from "@/features/reviews/schedule";
import type { Actor } from "@/lib/auth/actor";
import type { Database } from "@/lib/db/client";
import { addWeeks, formatIsoWeek, isoWeekOf } from "@/lib/time/iso-week";

const HELD_WEEKS_AGO = [5, 4, 3, 2];

const NOTES: Partial<Record<string, [string, string]>> = {
  METRICS: ["Impact is up on the four-week mean, mostly from the deep dives below.", "No change to the SLO targets; revisit after next week."],
  SEV1_DEEP_DIVE: [
    "Walked the timeline: detection took longer than the alert should allow, and the rollback needed a manual step.",
    "Automate the rollback and page on the checkout error rate, not on latency alone.",
  ],
  AI_CHANGE_REVIEW: [
    "Each AI-involved change walked through; the violations lacked the senior sign-off the policy asks for.",
    "Remind the teams: AI-assisted changes by juniors and mids need SENIOR or MANAGER approval.",
  ],
  SEV2_ROUNDUP: ["Roundup done; nothing needing a deep dive.", ""],
  OVERDUE_ACTION_ITEMS: ["Owners gave dates for the oldest items.", "Items older than 30 days go to the owning team's planning."],
};

const minutesAfter = (date: string, minutes: number) => new Date(Date.parse(`${date}T09:00:00Z`) + minutes * 60_000);

/** Runs one meeting of the past: prepared, started at 09:00 on its day, walked item by item, finished. */
async function holdMeeting(db: Database, week: string, lead: Actor, meetingDay: string) {
  const start = minutesAfter(meetingDay, 0);
  await markReviewPrepared(db, { week, version: 0 }, lead, start);
  let view = await loadReviewView(db, week, start);
  await startReviewMeeting(db, { week, version: view.review?.version }, lead, start);
  view = await loadReviewView(db, week, start);
  let elapsed = 0;
  for (const [index, item] of view.items.entries()) {
    if (index > 0) {
      const current = await loadReviewView(db, week, start);
      await goToAgendaItem(db, { week, version: current.review?.version, handle: item.handle }, lead, minutesAfter(meetingDay, elapsed));
    }
    const [notes, decision] = NOTES[item.kind] ?? ["", ""];
    if (notes) await recordItemNotes(db, { week, handle: item.handle, itemVersion: item.version, notes, decision }, lead);
    elapsed += item.minutes;
  }
  const last = await loadReviewView(db, week, start);
  await finishReviewMeeting(db, { week, version: last.review?.version }, lead, minutesAfter(meetingDay, elapsed));
}

export async function seedDemoReviews(db: Database, now: Date): Promise<number> {
  const lead = await db.user.findFirst({ where: { email: "lead@demo.ops-review.test" }, select: { id: true, email: true } });
  if (!lead) return 0;
  const actor: Actor = { userId: lead.id, tokenId: null, label: lead.email, method: "SYSTEM", role: "LEAD" };
  const { meetingWeekday } = (await db.organisationSettings.findUnique({ where: { id: 1 } })) ?? { meetingWeekday: 3 };
  const thisWeek = isoWeekOf(now, "UTC");
  for (const weeksAgo of HELD_WEEKS_AGO) {
    const week = formatIsoWeek(addWeeks(thisWeek, -weeksAgo));
    await holdMeeting(db, week, actor, meetingDateOf(week, meetingWeekday));
  }
  // Last week's agenda, prepared for this week's meeting: presenters on the deep dives.
  const lastWeek = formatIsoWeek(addWeeks(thisWeek, -1));
  const proposal = await loadReviewView(db, lastWeek, now);
  for (const item of proposal.items.filter((i) => i.kind === "SEV1_DEEP_DIVE")) {
    await updateAgendaItem(db, { week: lastWeek, handle: item.handle, itemVersion: 1, minutes: 10, presenterId: lead.id }, actor);
  }
  const prepared = await loadReviewView(db, lastWeek, now);
  await markReviewPrepared(db, { week: lastWeek, version: prepared.review?.version ?? 0 }, actor, now);
  return HELD_WEEKS_AGO.length + 1;
}
