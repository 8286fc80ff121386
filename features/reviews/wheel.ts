import { createHash } from "node:crypto";
import { addWeeks, formatIsoWeek, parseIsoWeek } from "@/lib/time/iso-week";

/** Weeks before this one have no previous pick to avoid; the recursion ends here. */
const FIRST_WHEEL_WEEK = "2000-W01";

/** Two well-spread numbers from the week's name: the same week always gives the same pick. */
function seedsOf(week: string): [number, number] {
  const digest = createHash("sha256").update(`ops-review-wheel:${week}`).digest();
  return [digest.readUInt32BE(0), digest.readUInt32BE(4)];
}

/** The week's first and second choice among the candidates, sorted by slug. */
function choicesOf(week: string, slugs: readonly string[]): [string, string] {
  const [first, second] = seedsOf(week);
  const primary = first % slugs.length;
  const secondary = slugs.length === 1 ? primary : (primary + 1 + (second % (slugs.length - 1))) % slugs.length;
  return [slugs[primary] ?? "", slugs[secondary] ?? ""];
}

/**
 * The service the wheel lands on in a week: reproducible from the week alone, and never the
 * previous week's pick (the second choice stands in when the first repeats it). A week whose
 * pick was frozen in a meeting keeps it (`frozenPickOf`), even if services came and went since.
 */
export function pickWheelService(week: string, serviceSlugs: readonly string[], frozenPickOf: (week: string) => string | null = () => null): string | null {
  const slugs = [...new Set(serviceSlugs)].sort();
  if (slugs.length === 0) return null;
  const frozen = frozenPickOf(week);
  if (frozen) return frozen;
  const [first, second] = choicesOf(week, slugs);
  if (week <= FIRST_WHEEL_WEEK || slugs.length === 1) return first;
  const previousWeek = formatIsoWeek(addWeeks(parseIsoWeek(week), -1));
  // The previous pick matters only when it could equal this week's first choice, so the
  // walk back stops within a few weeks.
  const [previousFirst, previousSecond] = choicesOf(previousWeek, slugs);
  const previousFrozen = frozenPickOf(previousWeek);
  const previousMayBe = previousFrozen ? [previousFrozen] : [previousFirst, previousSecond];
  if (!previousMayBe.includes(first)) return first;
  return pickWheelService(previousWeek, slugs, frozenPickOf) === first ? second : first;
}
