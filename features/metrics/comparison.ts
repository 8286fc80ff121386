// A period held against the one before it, honestly: not at all when the earlier period lies
// (partly) before the first recorded incident, and only over the same elapsed part while the
// period's last week is still running.
import type { Database } from "@/lib/db/client";
import { addWeeks, isoWeekStartInstant } from "@/lib/time/iso-week";
import { previousPeriod } from "./params";
import { queryPeriodSummary } from "./period";
import { resolveMetricsScope } from "./scope";
import { querySpanFigures, type SpanFigures } from "./span";
import { aiShareOf, availabilityOf } from "./sql";
import type { MetricsQuery, PeriodSummary } from "./types";

export type EarlierFigures =
  | { kind: "no-earlier-data"; firstIncidentAt: string | null }
  | { kind: "full"; summary: PeriodSummary }
  /** The earlier period from its start up to `until`, as long as the current one has run. */
  | { kind: "same-elapsed"; summary: PeriodSummary; until: string };

export type PeriodComparison = {
  current: PeriodSummary;
  /** The period's last week has not ended: its figures are the period so far. */
  running: boolean;
  previous: EarlierFigures;
};

/** When the organisation's first recorded incident started (min over the start index); null with none. */
export async function queryFirstIncidentStart(db: Database): Promise<Date | null> {
  const { _min } = await db.incident.aggregate({ _min: { startedAt: true } });
  return _min.startedAt;
}

/** The earlier period less its tail: counts and impact add up over spans, so the part is the whole minus the rest. */
function withoutTail(whole: PeriodSummary, tail: SpanFigures): PeriodSummary {
  const incidents = whole.incidents - tail.incidents;
  const aiInvolved = whole.aiInvolved - tail.aiInvolved;
  const impactMinutes = Math.max(0, whole.impactMinutes - tail.impactMinutes);
  const minutes = whole.minutes - tail.minutes;
  return {
    ...whole,
    incidents,
    sev1: whole.sev1 - tail.sev1,
    sev2: whole.sev2 - tail.sev2,
    aiInvolved,
    aiShare: aiShareOf(aiInvolved, incidents),
    policyViolations: whole.policyViolations - tail.policyViolations,
    usersAffected: whole.usersAffected - tail.usersAffected,
    impactMinutes,
    minutes,
    availability: availabilityOf(impactMinutes, minutes),
    // Medians do not subtract: the durations stay those of the whole earlier period.
  };
}

/** The period's figures and the earlier ones it may be held against. */
export async function queryPeriodComparison(db: Database, q: MetricsQuery): Promise<PeriodComparison> {
  const now = q.now ?? new Date();
  const before = previousPeriod(q.from, q.to);
  const start = isoWeekStartInstant(q.from, q.timeZone);
  const end = isoWeekStartInstant(addWeeks(q.to, 1), q.timeZone);
  const earlierStart = isoWeekStartInstant(before.from, q.timeZone);
  const running = now.getTime() < end.getTime();
  const [current, firstIncident] = await Promise.all([queryPeriodSummary(db, { ...q, now }), queryFirstIncidentStart(db)]);
  if (!firstIncident || earlierStart.getTime() < firstIncident.getTime()) {
    return { current, running, previous: { kind: "no-earlier-data", firstIncidentAt: firstIncident?.toISOString() ?? null } };
  }
  const earlier = { ...q, ...before, now };
  if (!running) return { current, running, previous: { kind: "full", summary: await queryPeriodSummary(db, earlier) } };
  const until = new Date(earlierStart.getTime() + Math.max(0, now.getTime() - start.getTime()));
  const [whole, tail] = await Promise.all([
    queryPeriodSummary(db, earlier),
    resolveMetricsScope(db, q.scope).then((scope) => querySpanFigures(db, { start: until, end: start, scope, now })),
  ]);
  return { current, running, previous: { kind: "same-elapsed", summary: withoutTail(whole, tail), until: until.toISOString() } };
}
