// Wall-clock times in a named time zone, without a date library: Intl knows the offsets.

const formatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    partsFormatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock time an instant shows in a zone, expressed as if it were UTC epoch ms (whole seconds). */
export function wallClockMs(instant: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of partsFormatter(timeZone).formatToParts(new Date(instant))) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, keeps years 0..99 literal.
  date.setUTCFullYear(parts.year ?? NaN, (parts.month ?? NaN) - 1, parts.day ?? NaN);
  date.setUTCHours(parts.hour ?? NaN, parts.minute ?? NaN, parts.second ?? NaN);
  return date.getTime();
}

/** The zone's offset from UTC at an instant, in milliseconds (east positive). */
export function zoneOffsetMs(instant: Date | number, timeZone: string): number {
  const wholeSecond = Math.floor(Number(instant) / 1000) * 1000; // the formatter drops milliseconds
  return wallClockMs(wholeSecond, timeZone) - wholeSecond;
}

/**
 * The instant at which clocks in `timeZone` show `wallTime` ("2026-03-29T02:30"). In a
 * spring-forward gap the time is read with the offset from before the change.
 */
export function wallTimeToInstant(wallTime: string, timeZone: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(wallTime);
  if (!match) return null;
  const [y, mo, d, h, mi, s] = match.slice(1).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number];
  const asUtc = Date.UTC(y, mo - 1, d, h, mi, s);
  const firstGuess = asUtc - zoneOffsetMs(asUtc, timeZone);
  return new Date(asUtc - zoneOffsetMs(firstGuess, timeZone));
}

/** "2026-03-29T02:30" as clocks in `timeZone` show the instant (for datetime-local inputs). */
export function instantToWallTime(instant: Date, timeZone: string): string {
  const shifted = new Date(instant.getTime() + zoneOffsetMs(instant, timeZone));
  return shifted.toISOString().slice(0, 16);
}
