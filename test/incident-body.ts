// A valid body for POST /api/v1/incidents: an incident on checkout-api that began some minutes
// ago and is mitigated, for the route tests and the browser tests that file one. What a test
// leaves out is a small SEV2 in eu-west-1 from a code change, mitigated five minutes ago.
type IncidentBodyOptions = {
  title: string;
  severity?: "SEV1" | "SEV2";
  /** Minutes before now at which it started, was detected and was mitigated. */
  minutesAgo?: { started: number; detected: number; mitigated: number };
  usersAffected?: number;
  region?: string;
  rootCause?: { category: string; description: string };
  change?: { reference: string; authorLevel: string; approval: string };
  ai?: { involvement: string; tool?: string };
};

const minutesBefore = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

export function mitigatedIncidentBody(options: IncidentBodyOptions) {
  const { minutesAgo = { started: 30, detected: 25, mitigated: 5 }, usersAffected = 10, region = "eu-west-1" } = options;
  return {
    title: options.title,
    severity: options.severity ?? "SEV2",
    status: "MITIGATED",
    services: ["checkout-api"],
    startedAt: minutesBefore(minutesAgo.started),
    detectedAt: minutesBefore(minutesAgo.detected),
    mitigatedAt: minutesBefore(minutesAgo.mitigated),
    impact: { usersAffected, regions: [region], capabilities: ["checkout"] },
    blastRadius: "SINGLE_SERVICE",
    rootCause: options.rootCause ?? { category: "CODE_CHANGE", description: "A code change went wrong." },
    ...(options.change && { change: options.change }),
    ...(options.ai && { ai: options.ai }),
  };
}
