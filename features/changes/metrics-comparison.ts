// The executive summary's answer to "are AI-involved changes failing more often?": each
// group's change failure rate with its 95 % Wilson interval, and a verdict in words that
// claims a difference only when the intervals do not overlap and both groups are big enough.
import { wilsonInterval, type Interval } from "@/lib/metrics/wilson";
import type { FailureCount } from "./metrics";

/** Fewer changes than this in either group and no verdict is given. */
export const MIN_CHANGES_TO_TELL = 20;

export type GroupRate = FailureCount & { interval: Interval | null };

export type Verdict =
  | { kind: "clear"; aiFailsMore: boolean; /** the higher rate ÷ the lower; null when the lower is 0 */ ratio: number | null }
  | { kind: "too-few"; reason: "small-groups"; smallGroups: ("aiInvolved" | "other")[] }
  | { kind: "too-few"; reason: "overlap" };

export type ChangeComparison = { aiInvolved: GroupRate; other: GroupRate; verdict: Verdict; headline: string; detail: string };

const withInterval = (group: FailureCount): GroupRate => ({ ...group, interval: wilsonInterval(group.failed, group.changes) });

const counts = new Intl.NumberFormat("en-US");
/** "12 of 80" */
export const kOfN = (group: FailureCount) => `${counts.format(group.failed)} of ${counts.format(group.changes)}`;
const times = (ratio: number) => `${ratio < 10 ? ratio.toFixed(1) : Math.round(ratio)}×`;
const plural = (n: number, what: string) => `${counts.format(n)} ${what} change${n === 1 ? "" : "s"}`;

function verdictOf(ai: GroupRate, other: GroupRate): Verdict {
  const smallGroups = (["aiInvolved", "other"] as const).filter((name) => (name === "aiInvolved" ? ai : other).changes < MIN_CHANGES_TO_TELL);
  if (smallGroups.length > 0 || !ai.interval || !other.interval) return { kind: "too-few", reason: "small-groups", smallGroups };
  if (ai.interval.low <= other.interval.high && other.interval.low <= ai.interval.high) return { kind: "too-few", reason: "overlap" };
  const aiFailsMore = ai.changeFailureRate! > other.changeFailureRate!;
  const [higher, lower] = aiFailsMore ? [ai, other] : [other, ai];
  return { kind: "clear", aiFailsMore, ratio: lower.changeFailureRate === 0 ? null : higher.changeFailureRate! / lower.changeFailureRate! };
}

function wordsOf(verdict: Verdict, ai: GroupRate, other: GroupRate): { headline: string; detail: string } {
  const vs = `${kOfN(ai)} vs ${kOfN(other)}`;
  if (verdict.kind === "too-few" && verdict.reason === "small-groups") {
    if (ai.changes === 0 && other.changes === 0) return { headline: "Too few changes to tell", detail: "No changes were recorded in the period." };
    const sizes = verdict.smallGroups.map((name) => (name === "aiInvolved" ? plural(ai.changes, "AI-involved") : plural(other.changes, "other")));
    return {
      headline: "Too few changes to tell",
      detail: `Only ${sizes.join(" and ")} in the period: a verdict needs at least ${MIN_CHANGES_TO_TELL} of each.`,
    };
  }
  if (verdict.kind === "too-few") {
    if (ai.failed === 0 && other.failed === 0) return { headline: "Too few changes to tell", detail: `No change failed in either group (${vs}).` };
    return { headline: "Too few changes to tell", detail: `The difference is within the uncertainty: the 95 % intervals overlap (${vs}).` };
  }
  const none = (group: GroupRate, what: string) => `none of the ${plural(group.changes, what)} did`;
  if (verdict.aiFailsMore) {
    return verdict.ratio === null
      ? {
          headline: "AI-involved changes failed more often",
          detail: `${kOfN(ai)} AI-involved changes failed; ${none(other, "other")}. The 95 % intervals do not overlap.`,
        }
      : {
          headline: `AI-involved changes failed ${times(verdict.ratio)} as often: ${vs}`,
          detail: "The 95 % intervals do not overlap: the difference is larger than chance would explain.",
        };
  }
  return verdict.ratio === null
    ? {
        headline: "AI-involved changes failed less often",
        detail: `${kOfN(other)} other changes failed; ${none(ai, "AI-involved")}. The 95 % intervals do not overlap.`,
      }
    : {
        headline: `AI-involved changes failed less often: ${vs}`,
        detail: `Other changes failed ${times(verdict.ratio)} as often; the 95 % intervals do not overlap.`,
      };
}

/** Said of a period whose last week has not ended: its newest changes have had little time to fail. */
export const SO_FAR_NOTE = "So far: the newest changes have had little time to fail.";

/** Compares AI-involved changes (any involvement but NONE) with the others over one period, `running` while its last week runs. */
export function compareChangeFailure(aiInvolved: FailureCount, other: FailureCount, running = false): ChangeComparison {
  const ai = withInterval(aiInvolved);
  const rest = withInterval(other);
  const verdict = verdictOf(ai, rest);
  const words = wordsOf(verdict, ai, rest);
  return { aiInvolved: ai, other: rest, verdict, headline: words.headline, detail: running ? `${words.detail} ${SO_FAR_NOTE}` : words.detail };
}
