import { addDays, addWeeks, isoWeekStartDate, isoWeekStartInstant, parseIsoWeek } from "@/lib/time/iso-week";

/** The review of week W is held in the week after, on the organisation's meeting weekday (1 = Monday). */
export function meetingDateOf(week: string, meetingWeekday: number): string {
  return addDays(isoWeekStartDate(addWeeks(parseIsoWeek(week), 1)), meetingWeekday - 1);
}

/** Whether week W has ended by `now`: Monday 00:00 of the week after, in the organisation's zone. */
export const weekHasEnded = (week: string, timeZone: string, now: Date) =>
  now.getTime() >= isoWeekStartInstant(addWeeks(parseIsoWeek(week), 1), timeZone).getTime();

/** What starting a meeting before its week has ended does, asked before and refused without. */
export const earlyStartWarning = (week: string) => `Week ${week} has not ended: starting now freezes the agenda with partial figures.`;

/** docs/domain.md: "overdue" and "pending" are judged at the meeting date, or today while it is ahead. */
export const judgementDate = (meetingDate: string, today: string) => (meetingDate < today ? meetingDate : today);
