import { addWeeks, isoWeekStartDate, parseIsoWeek } from "@/lib/time/iso-week";

const DAY_MS = 86_400_000;

/** The review of week W is held in the week after, on the organisation's meeting weekday (1 = Monday). */
export function meetingDateOf(week: string, meetingWeekday: number): string {
  const monday = Date.parse(`${isoWeekStartDate(addWeeks(parseIsoWeek(week), 1))}T00:00:00Z`);
  return new Date(monday + (meetingWeekday - 1) * DAY_MS).toISOString().slice(0, 10);
}

/** SPEC: "overdue" and "pending" are judged at the meeting date, or today while it is ahead. */
export const judgementDate = (meetingDate: string, today: string) => (meetingDate < today ? meetingDate : today);
