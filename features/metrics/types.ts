// The figures of the trends pages, the weekly review's METRICS item and GET /api/v1/metrics/weekly.
// Definitions: docs/metrics.md; every figure is computed in PostgreSQL (see sql.ts).
import type { BLAST_RADII, ROOT_CAUSE_CATEGORIES } from "@/lib/domain/incident-enums";
import type { IsoWeek } from "@/lib/time/iso-week";

export type RootCauseCategory = (typeof ROOT_CAUSE_CATEGORIES)[number];
export type BlastRadius = (typeof BLAST_RADII)[number];

/** Service or team slugs; neither means every incident. */
export type MetricsScope = { team?: string; service?: string };

/** Median and 90th percentile in minutes (linear interpolation, lib/metrics/percentile.ts); null with no values. */
export type DurationStats = { median: number | null; p90: number | null };

/** The figures a week and a period share. */
type IncidentFigures = {
  incidents: number;
  sev1: number;
  sev2: number;
  aiInvolved: number;
  /** aiInvolved / incidents; null when there were no incidents. */
  aiShare: number | null;
  policyViolations: number;
  /** Sum of impact.usersAffected over the incidents. */
  usersAffected: number;
  /** Minutes covered by at least one impact interval in scope (merged, clipped, rounded down). */
  impactMinutes: number;
  /** 1 − impactMinutes / minutes (1 for a span not begun). */
  availability: number;
  ttd: DurationStats;
  ttm: DurationStats;
  ttr: DurationStats;
};

export type WeekMetrics = IncidentFigures & {
  /** "2026-W10" */
  week: string;
  /** "2026-03-02": the Monday of the week, a date in the organisation's time zone. */
  start: string;
  /** Minutes of the week in the organisation's time zone (10 080, or 10 020 / 10 140 in a DST week); for the week still running, only those up to now. */
  minutes: number;
};

/** The same figures over a whole period: medians over the period's incidents, impact merged over the period. */
export type PeriodSummary = IncidentFigures & {
  /** First Monday, last Sunday (dates in the organisation's time zone). */
  from: string;
  to: string;
  weeks: number;
  /** Minutes of the period in the organisation's time zone, up to now while it is still running. */
  minutes: number;
};

export type CategoryCount<K extends string> = { key: K; count: number };

export type ServiceImpact = { slug: string; name: string; team: string; impactMinutes: number; incidents: number };

export type MetricsQuery = {
  /** First and last ISO week of the window, both included. */
  from: IsoWeek;
  to: IsoWeek;
  /** IANA zone whose Mondays bound the weeks (the organisation's). */
  timeZone: string;
  scope: MetricsScope;
  /** The end of still-open impact intervals; the current time unless given. */
  now?: Date;
};

export type TopServicesQuery = MetricsQuery & { limit: number };
