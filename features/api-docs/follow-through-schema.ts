// The response of GET /api/v1/metrics/follow-through (features/follow-through/reads.ts, FollowThrough).
import { ACTION_ITEM_PRIORITIES } from "@/lib/domain/action-item-enums";
import { nullable, weeklySeries } from "./schema-parts";

const dueCounts = {
  actionItemsDue: { type: "integer", description: "action items whose due date (a calendar date) lies in the week" },
  doneByDueDate: { type: "integer", description: "of them, DONE before the end of the due date in the organisation's time zone" },
  missed: { type: "integer", description: "of them, those whose due date has ended without that: done late, WONT_DO, or still open" },
  notDueYet: { type: "integer", description: "of them, not done and their due date not ended yet (not late yet)" },
  shareDoneByDueDate: { ...nullable("number"), description: "doneByDueDate / (doneByDueDate + missed); null when no item has come due" },
};
const dueNames = Object.keys(dueCounts);
const repeats = { type: "integer", description: "incidents that started in the week and have at least one repeat" };

const openByAge = {
  type: "array",
  description: "the action items OPEN or IN_PROGRESS at asOf, by whole calendar days since creation (organisation time zone): always these four buckets",
  items: {
    type: "object",
    properties: {
      age: { type: "string", enum: ["0-14", "15-30", "31-90", "over-90"] },
      total: { type: "integer" },
      ...Object.fromEntries(ACTION_ITEM_PRIORITIES.map((p) => [p, { type: "integer", description: `open items of priority ${p}` }])),
    },
    required: ["age", "total", ...ACTION_ITEM_PRIORITIES],
  },
};

export const followThroughSchema = weeklySeries({ ...dueCounts, repeats }, [...dueNames, "repeats"], {
  properties: {
    total: { type: "object", description: "the weeks added up", properties: { ...dueCounts, repeats }, required: [...dueNames, "repeats"] },
    asOf: { type: "string", format: "date-time", description: "when the open items were counted" },
    openByAge,
  },
  required: ["total", "asOf", "openByAge"],
});
