// How a repeat reads on the review page and in its export: the same words in both.
import { REPEAT_WINDOW_DAYS } from "@/features/incidents/repeats/sql";
import type { AgendaRepeat } from "./agenda-types";

export const NO_REPEATS_TEXT = `No repeats in the ${REPEAT_WINDOW_DAYS} days before`;

/** "1 of 3 action items done before this incident started"; "No action items were recorded after it" when there were none. */
export function doneBeforeText({ actionItems: { total, doneBeforeRepeat } }: Pick<AgendaRepeat, "actionItems">): string {
  if (total === 0) return "No action items were recorded after it";
  return `${doneBeforeRepeat} of ${total} action item${total === 1 ? "" : "s"} done before this incident started`;
}
