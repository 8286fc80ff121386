// Where a bounded agenda item's other rows are: the incident list filtered to exactly the rows
// the item counts (docs/api.md, "Review agenda"), or the action items page.
import { EMPTY_FILTERS, type IncidentListFilters } from "@/features/incidents/list/params";
import { DEFAULT_SORT } from "@/features/incidents/list/sort";
import { listHref } from "@/features/incidents/list/url";
import { addDays, isoWeekStartDate, parseIsoWeek } from "@/lib/time/iso-week";
import { POSTMORTEM_DUE_DAYS } from "./agenda";
import type { AgendaItemKind } from "./agenda-types";

const incidents = (filters: Partial<IncidentListFilters>) => listHref("/incidents", { filters: { ...EMPTY_FILTERS, ...filters }, sort: DEFAULT_SORT });

/** The list of everything an item of `kind` counts for the review of `week` judged on `judgedOn`; null for items that are not lists. */
export function fullListHref(kind: AgendaItemKind, week: string, judgedOn: string): string | null {
  const from = isoWeekStartDate(parseIsoWeek(week));
  const to = addDays(from, 6);
  switch (kind) {
    case "SEV2_ROUNDUP":
      return incidents({ severity: ["SEV2"], from, to });
    case "SEV1_DEEP_DIVE":
      return incidents({ severity: ["SEV1"], from, to });
    case "AI_CHANGE_REVIEW":
      return incidents({ ai: ["ASSISTED", "GENERATED", "AGENT"], from, to });
    case "POSTMORTEMS_PENDING": {
      // Started before the week and on or before the judgement date less 14 days (dates in the organisation's zone).
      const dueBy = addDays(judgedOn, -POSTMORTEM_DUE_DAYS);
      const dayBeforeWeek = addDays(from, -1);
      return incidents({ severity: ["SEV1"], postmortem: ["NONE", "DRAFT", "IN_REVIEW"], to: dueBy < dayBeforeWeek ? dueBy : dayBeforeWeek });
    }
    case "OVERDUE_ACTION_ITEMS":
      return "/action-items";
    default:
      return null;
  }
}
