// The durations docs/domain.md derives from an incident's timestamps; never stored, always computed.

export type IncidentTimestamps = {
  startedAt: Date;
  detectedAt?: Date | null;
  mitigatedAt?: Date | null;
  resolvedAt?: Date | null;
};

export type IncidentDurations = {
  /** Minutes customers were hurt: to mitigation, or to `now` while not yet mitigated. */
  impactMinutes: number;
  ttdMinutes: number | null;
  ttmMinutes: number | null;
  ttrMinutes: number | null;
};

const MINUTE_MS = 60_000;

// Validation keeps the timestamps in order, but an incident started a few minutes "in the
// future" by clock skew must still read as 0, not as a negative duration.
function wholeMinutesSince(startedAt: Date, end: Date): number {
  return Math.max(0, Math.floor((end.getTime() - startedAt.getTime()) / MINUTE_MS));
}

function optionalMinutesSince(startedAt: Date, end: Date | null | undefined): number | null {
  return end ? wholeMinutesSince(startedAt, end) : null;
}

export function deriveIncidentDurations(incident: IncidentTimestamps, now: Date): IncidentDurations {
  const { startedAt, detectedAt, mitigatedAt, resolvedAt } = incident;
  return {
    impactMinutes: wholeMinutesSince(startedAt, mitigatedAt ?? now),
    ttdMinutes: optionalMinutesSince(startedAt, detectedAt),
    ttmMinutes: optionalMinutesSince(startedAt, mitigatedAt),
    ttrMinutes: optionalMinutesSince(startedAt, resolvedAt),
  };
}
