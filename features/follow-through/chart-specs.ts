// The follow-through cards of the dashboard and the executive summary, from the same figures as
// GET /api/v1/metrics/follow-through.
import type { ChartSpec } from "@/components/charts/chart-types";
import { SERIES_COLOURS } from "@/components/charts/palette";
import { actionItemLabel, ACTION_ITEM_PRIORITIES } from "@/lib/domain/action-item-enums";
import { FOLLOW_THROUGH_DEFINITIONS } from "@/features/metrics/charts/definitions";
import { weeklySpec, type ChartContext } from "@/features/metrics/charts/weekly-chart-specs";
import type { FollowThroughWeek, OpenByAge } from "./reads";
import type { AgeBucket } from "./sql";

const { emerald, red, muted, indigo, amber, sky, violet } = SERIES_COLOURS;

export const AGE_LABELS: Record<AgeBucket, string> = {
  "0-14": "0–14 days",
  "15-30": "15–30 days",
  "31-90": "31–90 days",
  "over-90": "Over 90 days",
};

const count = (key: string, label: string, color: string, stack: string) => ({ key, label, color, format: "count" as const, mark: "bar" as const, stack });

export function dueAndDoneChart(weeks: FollowThroughWeek[], ctx: ChartContext): ChartSpec {
  const spec = weeklySpec(
    "action-items-due",
    ctx,
    {
      title: "Action items due and done by their due date",
      definition: FOLLOW_THROUGH_DEFINITIONS.dueAndDone,
      series: [
        count("doneByDueDate", "Done by due date", emerald, "due"),
        count("missed", "Missed", red, "due"),
        count("notDueYet", "Not due yet", muted, "due"),
        { key: "share", label: "Share done by due date", color: indigo, format: "fraction-percent", mark: "line", axis: "right", missing: "no items due yet" },
      ],
      rows: weeks.map((w) => ({
        week: w.week,
        start: w.start,
        due: w.actionItemsDue,
        doneByDueDate: w.doneByDueDate,
        missed: w.missed,
        notDueYet: w.notDueYet,
        share: w.shareDoneByDueDate,
      })),
    },
    "actionItem",
  );
  return { ...spec, dimensions: [...spec.dimensions, { key: "due", label: "Due" }] };
}

const PRIORITY_COLOURS: Record<string, string> = { P1: red, P2: amber, P3: sky };

/** One column per age bucket, its open items stacked by priority; none at all reads as a sentence. */
export function openByAgeChart(buckets: OpenByAge[], ctx: ChartContext): ChartSpec {
  const none = buckets.every((b) => b.total === 0);
  return {
    id: "open-action-items-by-age",
    fileName: `open-action-items-by-age_${ctx.fileSuffix}.csv`,
    title: "Open action items by age and priority",
    definition: FOLLOW_THROUGH_DEFINITIONS.openByAge,
    layout: "time",
    dimensions: [
      { key: "age", label: "Age" },
      { key: "total", label: "Open" },
    ],
    series: ACTION_ITEM_PRIORITIES.map((p) => count(p, actionItemLabel(p), PRIORITY_COLOURS[p] ?? muted, "priority")),
    rows: none ? [] : buckets.map((b) => ({ age: AGE_LABELS[b.age], total: b.total, ...Object.fromEntries(ACTION_ITEM_PRIORITIES.map((p) => [p, b[p]])) })),
    emptyMessage: "No action item is open or in progress.",
  };
}

export function repeatsChart(weeks: FollowThroughWeek[], ctx: ChartContext): ChartSpec {
  return weeklySpec("incidents-with-a-repeat", ctx, {
    title: "Incidents with a repeat per week",
    definition: FOLLOW_THROUGH_DEFINITIONS.repeats,
    series: [{ key: "repeats", label: "Incidents with a repeat", color: violet, format: "count", mark: "bar" }],
    rows: weeks.map((w) => ({ week: w.week, start: w.start, repeats: w.repeats })),
  });
}
