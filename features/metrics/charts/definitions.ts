// The metric definitions of docs/metrics.md, as the dashboard shows them beside each chart.

const percentText = (fraction: number) => `${Number((fraction * 100).toFixed(4))} %`;

/** What a weekly point counts: incidents by the week they started, changes by the week they were deployed. */
export type WeekBelonging = "incident" | "change" | "actionItem";
const BELONGS: Record<WeekBelonging, string> = {
  incident: "an incident belongs to the week it started",
  change: "a change belongs to the week it was deployed, whenever its incidents started",
  actionItem: "an action item belongs to the week that holds its due date",
};

export const WEEK_DEFINITION = (timeZone: string, belonging: WeekBelonging = "incident") =>
  `Weeks are ISO weeks, Monday 00:00 to Monday 00:00 in the organisation's time zone (${timeZone}); ${BELONGS[belonging]}.`;

export const DEFINITIONS = {
  severity:
    "Incidents that started in each week, by severity (Sev1: critical customer-facing function down or wide blast radius; Sev2: significant degradation).",
  impact:
    "Minutes of the week with customer impact: each incident's impact runs from its start to its mitigation (or now, while unmitigated); overlapping incidents are merged so no minute counts twice, and clipped to the week.",
  availability: (sloTarget: number, sloOf: string) =>
    `Availability = 1 − impact minutes ÷ minutes in the week (10 080; 10 020 or 10 140 in a week with a clock change; the current week counts its minutes so far). Dashed line: the SLO target of ${percentText(sloTarget)} (${sloOf}).`,
  detectMitigate:
    "Minutes from an incident's start to its detection (TTD) and to its mitigation (TTM), over the week's incidents that have that time. Median and 90th percentile (dashed), by linear interpolation between closest ranks; a gap where a week has none.",
  resolve:
    "Time from an incident's start to its resolution (root cause fixed), over the week's resolved incidents. Median and 90th percentile (dashed), by linear interpolation between closest ranks; a gap where a week has none.",
  ai: "AI share: incidents whose triggering change involved an AI tool (assisted, generated or agent) ÷ all incidents of the week; no point for a week without incidents. Policy violations: incidents whose AI-involved change lacked the sign-off the approval policy asks.",
  rootCause: "Incidents that started in the period, by root-cause category.",
  blastRadius: "Incidents that started in the period, by blast radius.",
  topServices:
    "Minutes of the period in which each service had customer impact: its own incidents' impact intervals merged and clipped to the period. The services with most; incidents that started in the period beside them.",
} as const;

const FAILED = "A change failed when at least one Sev1 or Sev2 incident names it as its triggering change (however many do).";
const GAP = "A gap, and “no changes” in the table, where a week had no such changes: never a 0 % that did not happen.";

export const CHANGE_DEFINITIONS = {
  failureRateByAi: `Change failure rate = failed changes ÷ changes deployed in the week. ${FAILED} AI-involved: assisted, generated or agent, by the stronger of what the author declared and what the commit trailers show. ${GAP}`,
  failureRateBySignOff: `Change failure rate of the changes that had the sign-off the approval policy asks and of those shipped without it (AI-involved changes whose approval was below the policy's for their author's level). ${FAILED} ${GAP}`,
  recovery:
    "Minutes from start to mitigation (TTM) of the incidents that the week's failed changes triggered, each incident once. Median and 90th percentile (dashed), by linear interpolation between closest ranks; a gap where none was mitigated yet.",
  withoutSignOff:
    "AI-involved changes deployed in the week without the sign-off the approval policy asks, and their share of all the week's changes (right axis): a leading indicator, which moves before incidents do. No share point for a week without changes.",
} as const;

const ACTION_ITEM_SCOPE =
  "With a team or service chosen, only the action items of incidents in scope count; those agreed with no incident count only when none is chosen.";

export const FOLLOW_THROUGH_DEFINITIONS = {
  dueAndDone: `Action items due in the week, split into those done by their due date (marked done before the end of that day in the organisation's time zone), those missed (the day ended without: done late, won't do, or still open) and those not due yet (not done, their day still to come: not late yet). Share = done by the due date ÷ (done by the due date + missed); “no items due yet” where none has come due, never a 0 % that did not happen. ${ACTION_ITEM_SCOPE}`,
  openByAge: `Action items open or in progress now, by whole calendar days since they were created (in the organisation's time zone) and by priority. ${ACTION_ITEM_SCOPE}`,
  repeats:
    "Incidents that started in the week and have at least one repeat: an earlier incident of the 90 days before, sharing a service and the root-cause category (never Unknown), that no lead marked as not a repeat.",
} as const;

export { percentText };
