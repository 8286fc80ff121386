// Strict scalars for the JSON API: what PostgreSQL can store, nothing coerced. A value of the
// wrong type is refused with a message that says what was expected.
import { z } from "zod";

// A NUL byte, or half of a surrogate pair, cannot be stored in a PostgreSQL text column.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Text PostgreSQL can store: no NUL bytes and no lone surrogates. */
export const storableString = (error = "must be text") =>
  z
    .string({ error })
    .refine((text) => !UNSTORABLE.test(text), { message: "contains a character that cannot be stored (a NUL byte or a broken surrogate pair)" });

export const INSTANT_MESSAGE = "must be a date and time: ISO 8601 with its offset, e.g. 2026-03-02T10:15:00Z";
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/i;
export const EARLIEST_INSTANT = Date.UTC(1970, 0, 1);
export const LATEST_INSTANT = Date.UTC(2100, 0, 1);

/** The calendar parts as written exist (no 30 February, no hour 24). */
function realCalendarParts(match: RegExpExecArray): boolean {
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map((part) => Number(part ?? 0));
  const date = new Date(Date.UTC(year!, month! - 1, day!));
  return date.getUTCMonth() === month! - 1 && date.getUTCDate() === day! && hour! < 24 && minute! < 60 && second! < 60;
}

/**
 * An instant as an ISO 8601 string with its offset ("2026-03-02T10:15:00Z",
 * "2026-03-02T11:15:00+01:00"), between 1970 and 2100, as a Date.
 */
export const isoInstant = z
  .string({ error: INSTANT_MESSAGE })
  .superRefine((text, context) => {
    const match = INSTANT.exec(text);
    if (!match || !realCalendarParts(match) || Number.isNaN(Date.parse(text))) {
      context.addIssue({ code: "custom", message: INSTANT_MESSAGE });
      return;
    }
    const ms = Date.parse(text);
    if (ms < EARLIEST_INSTANT || ms >= LATEST_INSTANT) context.addIssue({ code: "custom", message: "must lie between 1970 and 2100" });
  })
  .transform((text) => new Date(text));

export const isIsoInstant = (text: string) => isoInstant.safeParse(text).success;

/** An existing calendar date written YYYY-MM-DD, between 1970 and 2100. */
export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  const ms = Date.UTC(year, month - 1, day);
  const date = new Date(ms);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day && ms >= EARLIEST_INSTANT && ms < LATEST_INSTANT;
}

/** A list bound: a calendar date (a whole day in the organisation's zone) or an instant with its offset. */
export const isDateOrInstant = (text: string) => isCalendarDate(text) || isIsoInstant(text);
export const DATE_OR_INSTANT_MESSAGE = "must be a date (YYYY-MM-DD) or an instant with its offset (2026-03-02T10:00:00Z), between 1970 and 2100";
