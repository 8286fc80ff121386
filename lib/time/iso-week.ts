import { wallClockMs, zoneOffsetMs } from "./zoned";

export type IsoWeek = { year: number; week: number };

const DAY_MS = 86_400_000;
const ISO_WEEK_PATTERN = /^(\d{4})-W(\d{2})$/;
const CALENDAR_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

// Calendar dates are handled as whole days since 1970-01-01 so no time zone can leak in.
function epochDay(year: number, month: number, day: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day); // unlike Date.UTC, keeps years 0..99 literal
  return Math.round(date.getTime() / DAY_MS);
}

function isoDayOfWeek(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1; // 1970-01-01 was a Thursday (4); Monday = 1
}

function formatEpochDay(day: number): string {
  const date = new Date(day * DAY_MS);
  const year = String(date.getUTCFullYear()).padStart(4, "0");
  const month = String(date.getUTCMonth() + 1).padStart(2, "0");
  return `${year}-${month}-${String(date.getUTCDate()).padStart(2, "0")}`;
}

function parseCalendarDate(text: string): number {
  const match = CALENDAR_DATE_PATTERN.exec(text);
  const day = match ? epochDay(Number(match[1]), Number(match[2]), Number(match[3])) : NaN;
  // Round-tripping rejects dates such as 2026-02-30 that Date would silently roll over.
  if (Number.isNaN(day) || formatEpochDay(day) !== text) {
    throw new Error(`Invalid calendar date "${text}": expected an existing date as YYYY-MM-DD`);
  }
  return day;
}

function isoWeekOfEpochDay(day: number): IsoWeek {
  // The ISO week belongs to the year holding its Thursday.
  const thursday = day + 4 - isoDayOfWeek(day);
  const year = new Date(thursday * DAY_MS).getUTCFullYear();
  return { year, week: Math.floor((thursday - epochDay(year, 1, 1)) / 7) + 1 };
}

function assertIsoWeek(w: IsoWeek): void {
  const valid = Number.isInteger(w.year) && Number.isInteger(w.week) && w.week >= 1 && w.week <= weeksInIsoYear(w.year);
  if (!valid) throw new Error(`Invalid ISO week ${w.year}-W${w.week}`);
}

function mondayOf(w: IsoWeek): number {
  assertIsoWeek(w);
  const january4 = epochDay(w.year, 1, 4); // week 1 is the week holding 4 January
  return january4 - (isoDayOfWeek(january4) - 1) + (w.week - 1) * 7;
}

export function weeksInIsoYear(year: number): 52 | 53 {
  return isoWeekOfEpochDay(epochDay(year, 12, 28)).week === 53 ? 53 : 52; // 28 Dec is always in the last week
}

export function formatIsoWeek(w: IsoWeek): string {
  assertIsoWeek(w);
  return `${String(w.year).padStart(4, "0")}-W${String(w.week).padStart(2, "0")}`;
}

export function parseIsoWeek(text: string): IsoWeek {
  const match = ISO_WEEK_PATTERN.exec(text);
  if (!match) throw new Error(`Invalid ISO week "${text}": expected YYYY-Www, e.g. 2026-W10`);
  const w = { year: Number(match[1]), week: Number(match[2]) };
  if (w.week < 1 || w.week > weeksInIsoYear(w.year)) {
    throw new Error(`Invalid ISO week "${text}": ${w.year} has weeks 01 to ${weeksInIsoYear(w.year)}`);
  }
  return w;
}

export function isoWeekStartDate(w: IsoWeek): string {
  return formatEpochDay(mondayOf(w));
}

/** The calendar date `n` days after (or before, when negative) a YYYY-MM-DD date. */
export function addDays(date: string, n: number): string {
  if (!Number.isInteger(n)) throw new Error(`addDays needs a whole number of days, got ${n}`);
  return formatEpochDay(parseCalendarDate(date) + n);
}

/** Whole days from one calendar date to another (negative when `to` comes first). */
export function daysBetween(from: string, to: string): number {
  return parseCalendarDate(to) - parseCalendarDate(from);
}

export function addWeeks(w: IsoWeek, n: number): IsoWeek {
  if (!Number.isInteger(n)) throw new Error(`addWeeks needs a whole number of weeks, got ${n}`);
  return isoWeekOfEpochDay(mondayOf(w) + n * 7);
}

export function weeksOverlapping(fromDate: string, toDate: string): IsoWeek[] {
  const from = parseCalendarDate(fromDate);
  const to = parseCalendarDate(toDate);
  if (to < from) throw new Error(`Invalid date range: ${toDate} is before ${fromDate}`);
  const weeks: IsoWeek[] = [];
  for (let monday = from - (isoDayOfWeek(from) - 1); monday <= to; monday += 7) {
    weeks.push(isoWeekOfEpochDay(monday));
  }
  return weeks;
}

export function zonedDateString(instant: Date, timeZone: string): string {
  return formatEpochDay(Math.floor(wallClockMs(instant.getTime(), timeZone) / DAY_MS));
}

export function isoWeekOf(instant: Date, timeZone: string): IsoWeek {
  return isoWeekOfEpochDay(Math.floor(wallClockMs(instant.getTime(), timeZone) / DAY_MS));
}

export function isoWeekStartInstant(w: IsoWeek, timeZone: string): Date {
  const wall = mondayOf(w) * DAY_MS;
  // The offsets in force a day either side cover both sides of any DST change near midnight.
  const offsets = [zoneOffsetMs(wall - DAY_MS, timeZone), zoneOffsetMs(wall + DAY_MS, timeZone)];
  const matches = offsets.map((offset) => wall - offset).filter((c) => wallClockMs(c, timeZone) === wall);
  // A midnight that occurs twice (clocks set back) starts the week at its first occurrence.
  if (matches.length > 0) return new Date(Math.min(...matches));
  // Midnight skipped by a DST jump: the week starts at the jump; search the gap to the second.
  let before = wall - Math.max(...offsets);
  let after = wall - Math.min(...offsets);
  while (after - before > 1000) {
    const middle = before + Math.floor((after - before) / 2000) * 1000;
    if (wallClockMs(middle, timeZone) < wall) before = middle;
    else after = middle;
  }
  return new Date(after);
}
