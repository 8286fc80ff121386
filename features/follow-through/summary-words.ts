// The executive summary's follow-through in a few sentences, from the period's totals.
import { formatCount } from "@/lib/figure-text";
import type { FollowThrough } from "./reads";

const plural = (n: number, one: string, many: string) => `${formatCount(n)} ${n === 1 ? one : many}`;

/** What the period's follow-through comes to, in words; never a share where nothing came due. */
export function followThroughSentences({ total, openByAge }: Pick<FollowThrough, "total" | "openByAge">): string[] {
  const cameDue = total.doneByDueDate + total.missed;
  const open = openByAge.reduce((sum, bucket) => sum + bucket.total, 0);
  const old = openByAge.find((bucket) => bucket.age === "over-90")?.total ?? 0;
  return [
    total.shareDoneByDueDate === null
      ? "No action item came due in these weeks."
      : `${formatCount(total.doneByDueDate)} of ${plural(cameDue, "action item", "action items")} that came due were done by their due date (${Math.round(total.shareDoneByDueDate * 100)} %).`,
    ...(total.notDueYet > 0 ? [`${plural(total.notDueYet, "more is", "more are")} due later this week.`] : []),
    `${plural(open, "action item is", "action items are")} open now${old > 0 ? `, ${formatCount(old)} of them older than 90 days` : ""}.`,
    `${plural(total.repeats, "incident", "incidents")} in these weeks repeated an earlier one.`,
  ];
}
