// The weekly reviews of the demo year's last weeks, made through the same functions a LEAD's
// clicks reach: four meetings held (frozen, with notes, decisions and a follow-up agreed on the
// metrics, the older ones done by now) and last week's agenda prepared for this week's meeting,
// which opens with the follow-ups of the last meeting held.
import { changeActionItemStatus } from "@/features/action-items/mutations";
import { createMeetingActionItem } from "@/features/reviews/mutations/meeting-action-item";
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
  FOLLOW_UPS: ["Walked last meeting's decisions and follow-ups; owners gave a date for each open one.", ""],
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

/** The follow-up agreed on the metrics in each held meeting, by weeks ago, and whether it is done by now. */
const FOLLOW_UPS: Record<number, { title: string; owner: string; done: boolean }> = {
  5: { title: "Share each team's error-budget burn with its lead every Monday", owner: "priya.raman@demo.ops-review.test", done: true },
  4: { title: "Add the checkout error rate to the on-call dashboard", owner: "marcus.oyelaran@demo.ops-review.test", done: true },
  3: { title: "Review the senior sign-off rule for AI-assisted changes with the team leads", owner: "sofia.lindqvist@demo.ops-review.test", done: false },
  2: { title: "Write the runbook for rolling back a storefront deploy by hand", owner: "kenji.watanabe@demo.ops-review.test", done: false },
};

const minutesAfter = (date: string, minutes: number) => new Date(Date.parse(`${date}T09:00:00Z`) + minutes * 60_000);

/** Runs one meeting of the past: prepared, started at 09:00 on its day, walked item by item, finished. */
async function holdMeeting(db: Database, week: string, lead: Actor, meetingDay: string, weeksAgo: number) {
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
    const followUp = FOLLOW_UPS[weeksAgo];
    if (item.kind === "METRICS" && followUp) await agreeFollowUp(db, week, item.handle, followUp, lead, meetingDay);
    elapsed += item.minutes;
  }
  const last = await loadReviewView(db, week, start);
  await finishReviewMeeting(db, { week, version: last.review?.version }, lead, minutesAfter(meetingDay, elapsed));
}

async function agreeFollowUp(db: Database, week: string, handle: string, followUp: (typeof FOLLOW_UPS)[number], lead: Actor, meetingDay: string) {
  const owner = await db.user.findUniqueOrThrow({ where: { email: followUp.owner }, select: { id: true } });
  const due = new Date(Date.parse(`${meetingDay}T00:00:00Z`) + 14 * 24 * 60 * 60_000).toISOString().slice(0, 10);
  const item = await createMeetingActionItem(
    db,
    { week, handle, title: followUp.title, ownerId: owner.id, dueDate: due, priority: "P2", type: "PROCESS" },
    lead,
  );
  if (followUp.done) {
    await changeActionItemStatus(db, { actionItemId: item.id, version: item.version, status: "DONE" }, lead, minutesAfter(meetingDay, 7 * 24 * 60));
  }
}

export async function seedDemoReviews(db: Database, now: Date): Promise<number> {
  const lead = await db.user.findFirst({ where: { email: "lead@demo.ops-review.test" }, select: { id: true, email: true } });
  if (!lead) return 0;
  const actor: Actor = { userId: lead.id, tokenId: null, label: lead.email, method: "SYSTEM", role: "LEAD" };
  const { meetingWeekday } = (await db.organisationSettings.findUnique({ where: { id: 1 } })) ?? { meetingWeekday: 3 };
  const thisWeek = isoWeekOf(now, "UTC");
  for (const weeksAgo of HELD_WEEKS_AGO) {
    const week = formatIsoWeek(addWeeks(thisWeek, -weeksAgo));
    await holdMeeting(db, week, actor, meetingDateOf(week, meetingWeekday), weeksAgo);
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
