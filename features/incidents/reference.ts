// Incident references (docs/domain.md): INC-, the year of filing (UTC), and a number that only
// goes up within that year; unique, never reused, not necessarily gapless.
import type { Database } from "@/lib/db/client";

/** INC-2026-0042: at least four digits, more once a year passes 9 999 incidents. */
export const formatIncidentReference = (year: number, number: number): string => `INC-${year}-${String(number).padStart(4, "0")}`;

export const INCIDENT_REFERENCE = /^INC-\d{4}-\d{4,}$/;

/**
 * Takes the next number of `year` in a statement of its own, committed at once, so the
 * counter's row lock is held for that one statement rather than for a whole filing: held
 * through the filing's transaction, it made concurrent filings queue one behind another.
 * A filing that then fails leaves a gap, as a sequence would; no number is handed out twice.
 * The commit does not wait for its WAL flush (synchronous_commit off for this transaction
 * alone): the filing that uses the number commits later and synchronously, which flushes
 * this commit's record too, so no durable incident can hold a number the counter lost.
 */
export async function allocateIncidentReference(db: Pick<Database, "$queryRaw">, year: number): Promise<string> {
  const rows = await db.$queryRaw<{ last_number: number }[]>`
    INSERT INTO incident_reference_counters (year, last_number)
    SELECT ${year}, 1 FROM (SELECT set_config('synchronous_commit', 'off', true)) AS asynchronous_commit
    ON CONFLICT (year) DO UPDATE SET last_number = incident_reference_counters.last_number + 1
    RETURNING last_number`;
  const number = rows[0]?.last_number;
  if (number === undefined) throw new Error(`No reference number was allocated for ${year}`);
  return formatIncidentReference(year, number);
}
