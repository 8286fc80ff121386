import { addDays, isoWeekStartDate, parseIsoWeek } from "@/lib/time/iso-week";

const dayFormat = new Intl.DateTimeFormat("en-GB", { weekday: "short", day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
const shortDayFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

const dateAt = (date: string) => new Date(`${date}T00:00:00Z`);

/** "Wed, 11 Nov 2026". */
export const formatDay = (date: string) => dayFormat.format(dateAt(date));

/** The calendar days a review covers: Monday to Sunday of its ISO week. */
export function weekDates(week: string): { first: string; last: string } {
  const first = isoWeekStartDate(parseIsoWeek(week));
  return { first, last: addDays(first, 6) };
}

/** "2 Nov – 8 Nov 2026". */
export function formatWeekRange(week: string): string {
  const { first, last } = weekDates(week);
  return `${shortDayFormat.format(dateAt(first))} – ${dateFormat.format(dateAt(last))}`;
}

/** "11 Nov 2026". */
export const formatDate = (date: string) => dateFormat.format(dateAt(date));

/** "07:05" for 425 seconds; "1:02:03" past an hour; negative durations count as zero. */
export function formatClock(totalSeconds: number): string {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  const [h, m, s] = [Math.floor(seconds / 3600), Math.floor((seconds % 3600) / 60), seconds % 60];
  const mmss = `${String(m).padStart(2, "0")}:${String(s).padStart(2, "0")}`;
  return h > 0 ? `${h}:${mmss}` : mmss;
}
