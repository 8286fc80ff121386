// A valid body for POST /api/v1/incidents: an incident on checkout-api that began some minutes
// ago and is mitigated, for the route tests and the browser tests that file one.
type IncidentBodyOptions = {
  title: string;
  severity: "SEV1" | "SEV2";
  /** Minutes before now at which it started, was detected and was mitigated. */
  minutesAgo: { started: number; detected: number; mitigated: number };
  usersAffected: number;
  region: string;
  rootCause: { category: string; description: string };
  change?: { reference: string; authorLevel: string; approval: string };
  ai?: { involvement: string; tool?: string };
};

const minutesBefore = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

export function mitigatedIncidentBody(options: IncidentBodyOptions) {
  const { minutesAgo } = options;
  return {
    title: options.title,
    severity: options.severity,
    status: "MITIGATED",
    services: ["checkout-api"],
    startedAt: minutesBefore(minutesAgo.started),
    detectedAt: minutesBefore(minutesAgo.detected),
    mitigatedAt: minutesBefore(minutesAgo.mitigated),
    impact: { usersAffected: options.usersAffected, regions: [options.region], capabilities: ["checkout"] },
    blastRadius: "SINGLE_SERVICE",
    rootCause: options.rootCause,
    ...(options.change && { change: options.change }),
    ...(options.ai && { ai: options.ai }),
  };
}
