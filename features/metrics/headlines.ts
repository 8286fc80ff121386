// The executive summary's headline figures and how each moved against the previous period.
import { formatAvailability, formatMinutes } from "@/lib/figure-text";
import type { PeriodSummary, WeekMetrics } from "@/features/metrics/types";

export type HeadlineFormat = "availability" | "count" | "minutes" | "share";
/** Which way is good news; "neutral" for a figure that describes rather than judges. */
export type Better = "higher" | "lower" | "neutral";

export type Headline = {
  key: string;
  label: string;
  definition: string;
  format: HeadlineFormat;
  better: Better;
  value: number | null;
  previous: number | null;
  /** The weekly values of the period, oldest first, for the sparkline. */
  trend: (number | null)[];
  /** A target the value is held against, e.g. the SLO: met when the value is on its better side. */
  target?: number;
};

export type Change = { direction: "up" | "down" | "flat"; verdict: "better" | "worse" | "neutral"; delta: number } | null;

// Below these a change is noise of rounding, shown as flat.
const EPSILON: Record<HeadlineFormat, number> = { availability: 0.00005, share: 0.0005, count: 0, minutes: 0.05 };

export function changeOf(h: Pick<Headline, "value" | "previous" | "better" | "format">): Change {
  if (h.value === null || h.previous === null) return null;
  const delta = h.value - h.previous;
  if (Math.abs(delta) <= EPSILON[h.format]) return { direction: "flat", verdict: "neutral", delta: 0 };
  const direction = delta > 0 ? "up" : "down";
  if (h.better === "neutral") return { direction, verdict: "neutral", delta };
  const good = (direction === "up") === (h.better === "higher");
  return { direction, verdict: good ? "better" : "worse", delta };
}

const counts = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

export function formatHeadline(value: number | null, format: HeadlineFormat): string {
  if (value === null) return "—";
  if (format === "availability") return formatAvailability(value);
  if (format === "share") return `${(value * 100).toFixed(1)} %`;
  if (format === "minutes") return formatMinutes(value);
  return counts.format(value);
}

/** "+0.12 pp", "−3", "+45 min", "+2 h 10 min": a change in the figure's own unit (percentage points for shares). */
export function formatDelta(delta: number, format: HeadlineFormat): string {
  const sign = delta > 0 ? "+" : delta < 0 ? "−" : "±";
  const size = Math.abs(delta);
  if (format === "availability") return `${sign}${(size * 100).toFixed(2)} pp`;
  if (format === "share") return `${sign}${(size * 100).toFixed(1)} pp`;
  if (format === "minutes") return `${sign}${formatMinutes(size)}`;
  return `${sign}${counts.format(size)}`;
}

type Figures = PeriodSummary | WeekMetrics;
type HeadlineDefinition = Pick<Headline, "key" | "label" | "format" | "better" | "definition"> & { pick: (f: Figures) => number | null };

const HEADLINES: HeadlineDefinition[] = [
  {
    key: "availability",
    label: "Availability",
    format: "availability",
    better: "higher",
    pick: (f) => f.availability,
    definition: "1 − customer impact minutes ÷ minutes in the period (so far, while it runs).",
  },
  {
    key: "incidents",
    label: "Incidents",
    format: "count",
    better: "lower",
    pick: (f) => f.incidents,
    definition: "Sev1 and Sev2 incidents that started in the period.",
  },
  { key: "sev1", label: "Sev1 incidents", format: "count", better: "lower", pick: (f) => f.sev1, definition: "Sev1 incidents that started in the period." },
  {
    key: "impactMinutes",
    label: "Customer impact",
    format: "minutes",
    better: "lower",
    pick: (f) => f.impactMinutes,
    definition: "Minutes with at least one incident hurting customers; overlaps counted once.",
  },
  {
    key: "usersAffected",
    label: "Users affected",
    format: "count",
    better: "lower",
    pick: (f) => f.usersAffected,
    definition: "Sum of the users affected of the period's incidents.",
  },
  {
    key: "ttm",
    label: "Median time to mitigate",
    format: "minutes",
    better: "lower",
    pick: (f) => f.ttm.median,
    definition: "Median minutes from start to mitigation over the period's mitigated incidents.",
  },
  {
    key: "aiShare",
    label: "AI-involved share",
    format: "share",
    better: "neutral",
    pick: (f) => f.aiShare,
    definition: "Incidents whose triggering change involved an AI tool ÷ all incidents.",
  },
  {
    key: "policyViolations",
    label: "Policy violations",
    format: "count",
    better: "lower",
    pick: (f) => f.policyViolations,
    definition: "Incidents whose AI-involved change lacked the sign-off the approval policy asks.",
  },
];

/** The headlines of `current`; `earlier` null when there is nothing to compare with (no earlier data). Availability is held against the SLO. */
export function buildHeadlines(current: PeriodSummary, earlier: PeriodSummary | null, weeks: WeekMetrics[], sloTarget: number): Headline[] {
  return HEADLINES.map(({ pick, ...headline }) => ({
    ...headline,
    value: pick(current),
    previous: earlier ? pick(earlier) : null,
    trend: weeks.map(pick),
    ...(headline.key === "availability" ? { target: sloTarget } : {}),
  }));
}
