// A review of a week that has not ended compares its figures so far with the four weeks
// before over the same elapsed time (Monday 00:00 + the time the week has run), never with
// whole weeks.
import { querySpanFigures } from "@/features/metrics/span";
import { availabilityOf } from "@/features/metrics/sql";
import type { Database } from "@/lib/db/client";
import { addWeeks, isoWeekStartInstant, type IsoWeek } from "@/lib/time/iso-week";
import type { WeekFigures } from "../agenda-types";

const BASELINE_WEEKS = 4;

/** The mean of the four weeks before `week`, each from its Monday 00:00 for as long as `week` has run by `now`. */
export async function querySameElapsedBaseline(db: Database, week: IsoWeek, timeZone: string, now: Date): Promise<WeekFigures> {
  const elapsedMs = Math.max(0, now.getTime() - isoWeekStartInstant(week, timeZone).getTime());
  const weeks = await Promise.all(
    Array.from({ length: BASELINE_WEEKS }, (_, k) => {
      const start = isoWeekStartInstant(addWeeks(week, -(k + 1)), timeZone);
      return querySpanFigures(db, { start, end: new Date(start.getTime() + elapsedMs), scope: {}, now });
    }),
  );
  const mean = (pick: (w: (typeof weeks)[number]) => number) => weeks.reduce((sum, w) => sum + pick(w), 0) / weeks.length;
  return {
    sev1: mean((w) => w.sev1),
    sev2: mean((w) => w.sev2),
    impactMinutes: mean((w) => w.impactMinutes),
    availability: mean((w) => availabilityOf(w.impactMinutes, w.minutes)),
  };
}
