import { addDays, addWeeks, isoWeekStartDate, parseIsoWeek } from "@/lib/time/iso-week";

/** The review of week W is held in the week after, on the organisation's meeting weekday (1 = Monday). */
export function meetingDateOf(week: string, meetingWeekday: number): string {
  return addDays(isoWeekStartDate(addWeeks(parseIsoWeek(week), 1)), meetingWeekday - 1);
}

/** docs/domain.md: "overdue" and "pending" are judged at the meeting date, or today while it is ahead. */
export const judgementDate = (meetingDate: string, today: string) => (meetingDate < today ? meetingDate : today);
