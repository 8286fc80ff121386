// The dashboard's "Change risk" charts, from the same figures as GET /api/v1/metrics/changes.
import type { ChartSeries, ChartSpec } from "@/components/charts/chart-types";
import { SERIES_COLOURS } from "@/components/charts/palette";
import { shareTicks } from "@/components/charts/ticks";
import { aiInvolvedCount, type ChangeWeek } from "./metrics";
import { CHANGE_DEFINITIONS } from "@/features/metrics/charts/definitions";
import { countAndShareChart, durationChart, weeklySpec, withTicks, type ChartContext } from "@/features/metrics/charts/weekly-chart-specs";

const { sky, violet, emerald, red, slate, amber } = SERIES_COLOURS;
const COLOURS = { noAi: sky, aiInvolved: violet, compliant: emerald, violating: red, recovery: slate, share: amber } as const;

const rateLine = (key: string, label: string, color: string): ChartSeries => ({
  key,
  label,
  color,
  format: "fraction-percent",
  mark: "line",
  missing: "no changes",
});

/** Rate charts: an axis from 0 % to just above the highest rate drawn. */
const withShareTicks = (chart: ChartSpec): ChartSpec => withTicks(chart, shareTicks);

export function failureRateByAiChart(weeks: ChangeWeek[], ctx: ChartContext): ChartSpec {
  return withShareTicks(
    weeklySpec(
      "change-failure-rate-by-ai",
      ctx,
      {
        title: "Change failure rate by AI involvement",
        definition: CHANGE_DEFINITIONS.failureRateByAi,
        series: [rateLine("noAi", "No AI involved", COLOURS.noAi), rateLine("aiInvolved", "AI-involved", COLOURS.aiInvolved)],
        rows: weeks.map((w) => ({ week: w.week, start: w.start, noAi: w.byAi.NONE.changeFailureRate, aiInvolved: aiInvolvedCount(w).changeFailureRate })),
      },
      "change",
    ),
  );
}

export function failureRateBySignOffChart(weeks: ChangeWeek[], ctx: ChartContext): ChartSpec {
  return withShareTicks(
    weeklySpec(
      "change-failure-rate-by-sign-off",
      ctx,
      {
        title: "Change failure rate by sign-off",
        definition: CHANGE_DEFINITIONS.failureRateBySignOff,
        series: [rateLine("compliant", "With the required sign-off", COLOURS.compliant), rateLine("violating", "Without required sign-off", COLOURS.violating)],
        rows: weeks.map((w) => ({
          week: w.week,
          start: w.start,
          compliant: w.bySignOff.compliant.changeFailureRate,
          violating: w.bySignOff.violating.changeFailureRate,
        })),
      },
      "change",
    ),
  );
}

export function recoveryChart(weeks: ChangeWeek[], ctx: ChartContext): ChartSpec {
  const chart = {
    title: "Recovery time of failed changes",
    definition: CHANGE_DEFINITIONS.recovery,
    key: "recovery",
    labels: ["Median", "p90"],
    color: COLOURS.recovery,
  } as const;
  return durationChart(
    "recovery-of-failed-changes",
    ctx,
    chart,
    weeks.map((w) => ({ week: w.week, start: w.start, stats: w.recovery })),
    "change",
  );
}

export function withoutSignOffChart(weeks: ChangeWeek[], ctx: ChartContext): ChartSpec {
  const words = { title: "Changes shipped without the required sign-off", definition: CHANGE_DEFINITIONS.withoutSignOff };
  const violating = { key: "violating", label: "Without required sign-off", color: COLOURS.violating };
  const share = { key: "share", label: "Share of the week's changes", color: COLOURS.share, missing: "no changes" };
  const rows = weeks.map((w) => ({
    week: w.week,
    start: w.start,
    violating: w.bySignOff.violating.changes,
    share: w.changes === 0 ? null : w.bySignOff.violating.changes / w.changes,
  }));
  return countAndShareChart("changes-without-sign-off", ctx, words, [violating, share], rows, "change");
}
