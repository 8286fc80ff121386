// The metric definitions of SPEC.md, as the dashboard shows them beside each chart.

const percentText = (fraction: number) => `${Number((fraction * 100).toFixed(4))} %`;

export const WEEK_DEFINITION = (timeZone: string) =>
  `Weeks are ISO weeks, Monday 00:00 to Monday 00:00 in the organisation's time zone (${timeZone}); an incident belongs to the week it started.`;

export const DEFINITIONS = {
  severity: "Incidents that started in each week, by severity (Sev1: critical customer-facing function down or wide blast radius; Sev2: significant degradation).",
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

export { percentText };
