// What the executive summary says it compares with: the whole previous period, the same
// elapsed part of it while the period runs, or nothing before the first recorded incident.
import { formatIsoWeek, type IsoWeek } from "@/lib/time/iso-week";
import type { EarlierFigures } from "@/features/metrics/comparison";
import { describePeriod } from "@/features/metrics/period-url";

export type ComparisonWords = {
  /** The page's subtitle after the period and scope. */
  summary: string;
  /** After "vs <previous value>" on each tile; null when there is nothing to compare with. */
  tileLabel: string | null;
};

const dayFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

/** "Wed 3 Sep, 14:00" in the organisation's zone. */
const instantText = (iso: string, timeZone: string) =>
  new Intl.DateTimeFormat("en-GB", { weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone }).format(
    new Date(iso),
  );

export function comparisonWords(
  previous: EarlierFigures,
  period: { to: IsoWeek; weeks: number; running: boolean },
  before: { from: IsoWeek; to: IsoWeek },
  timeZone: string,
): ComparisonWords {
  const soFar = period.running ? `so far (${formatIsoWeek(period.to)} still running) · ` : "";
  if (previous.kind === "no-earlier-data") {
    const first = previous.firstIncidentAt
      ? `: the first recorded incident started on ${dayFormat.format(new Date(previous.firstIncidentAt))}`
      : ": no incident is recorded yet";
    return { summary: `${soFar}no earlier data to compare with${first}`, tileLabel: null };
  }
  if (previous.kind === "same-elapsed") {
    return {
      summary: `${soFar}compared with the ${period.weeks} weeks before up to the same point (${formatIsoWeek(before.from)} – ${instantText(previous.until, timeZone)})`,
      tileLabel: `so far in the previous ${period.weeks} weeks`,
    };
  }
  return {
    summary: `compared with the ${period.weeks} weeks before (${describePeriod(before.from, before.to)})`,
    tileLabel: `in the previous ${period.weeks} weeks`,
  };
}
