// What the load benchmark measures: every page and API a user waits on, each with its goal
// (docs/benchmarks.md) and its database floor (scripts/bench-floors.ts).
import {
  changesFloor,
  dashboardFloor,
  executiveFloor,
  healthFloor,
  incidentListFloor,
  ingestFloor,
  reviewFloor,
  weeklyFloor,
  type Floor,
} from "./bench-floors";
import type { Goal } from "./bench-report";

export type Target = {
  name: string;
  path: string;
  /** API calls carry the token; pages the session cookie. */
  auth: "token" | "session" | "none";
  goal: Goal | null;
  floor: Floor;
  /** A POST whose body is made fresh for every request. */
  body?: () => string;
};

export type TargetFacts = {
  /** The ISO week (e.g. 2026-W47) of a busy recent review. */
  busyWeek: string;
  /** The `cursor` of a page far down the incident list. */
  deepCursor: string;
  /** Today and the Mondays 52 and 13 weeks back, as YYYY-MM-DD. */
  today: string;
  from52: string;
  from13: string;
};

export const TEAM = "storefront";
export const SERVICE = "checkout-api";
const SCOPES = [
  ["", {}],
  [`&team=${TEAM}`, { team: TEAM }],
  [`&service=${SERVICE}`, { service: SERVICE }],
] as const;
const LIST_VIEWS = [
  "severity=SEV1",
  `service=${SERVICE}`,
  "team=payments&severity=SEV1&ai=involved",
  "postmortem=IN_REVIEW",
  "q=checkout",
  "q=waf&ai=involved",
];
const INGEST_SERVICES = ["checkout-api", "cart", "search", "payments-gateway", "inventory", "sign-in"];

/** A valid incident, different for every `n`: the ingest target files one per request. */
export function ingestBody(n: number, now = Date.now()): string {
  const startedAt = now - 2 * 3_600_000 - (n % 10_000) * 60_000;
  const at = (offsetMinutes: number) => new Date(startedAt + offsetMinutes * 60_000).toISOString();
  return JSON.stringify({
    title: `Load test incident ${n}: checkout latency`,
    summary: `Filed by the load benchmark (request ${n}).`,
    severity: n % 5 === 0 ? "SEV1" : "SEV2",
    status: "MITIGATED",
    services: [INGEST_SERVICES[n % INGEST_SERVICES.length]],
    startedAt: at(0),
    detectedAt: at(4),
    mitigatedAt: at(40 + (n % 60)),
    impact: { usersAffected: 100 + (n % 900), regions: ["us-east-1"], capabilities: ["checkout"] },
    blastRadius: "SINGLE_SERVICE",
    rootCause: { category: "CAPACITY", description: "Connection pool saturated during a traffic peak." },
  });
}

export function loadTargets(facts: TargetFacts): Target[] {
  const targets: Target[] = [{ name: "framework floor: GET /api/health", path: "/api/health", auth: "none", goal: null, floor: healthFloor }];
  for (const [kind, floorOf] of [
    ["weekly", weeklyFloor],
    ["changes", changesFloor],
  ] as const) {
    for (const [weeks, from] of [
      [52, facts.from52],
      [13, facts.from13],
    ] as const) {
      for (const [query, scope] of SCOPES) {
        const label = "team" in scope ? ` team=${scope.team}` : "service" in scope ? ` service=${scope.service}` : "";
        targets.push({
          name: `GET /api/v1/metrics/${kind} ${weeks} weeks${label}`,
          path: `/api/v1/metrics/${kind}?from=${from}&to=${facts.today}${query}`,
          auth: "token",
          goal: { p95Ms: 150 },
          floor: floorOf(weeks, scope),
        });
      }
    }
  }
  targets.push(
    {
      name: `GET /api/v1/reviews/${facts.busyWeek}/agenda`,
      path: `/api/v1/reviews/${facts.busyWeek}/agenda`,
      auth: "token",
      goal: { p95Ms: 200 },
      floor: reviewFloor(facts.busyWeek),
    },
    { name: `page /reviews/${facts.busyWeek}`, path: `/reviews/${facts.busyWeek}`, auth: "session", goal: { p95Ms: 200 }, floor: reviewFloor(facts.busyWeek) },
    { name: "page /dashboard?range=52", path: "/dashboard?range=52", auth: "session", goal: { p95Ms: 500 }, floor: dashboardFloor(52) },
    { name: "page /executive", path: "/executive", auth: "session", goal: { p95Ms: 300 }, floor: executiveFloor(52) },
    { name: "GET /api/v1/incidents first page", path: "/api/v1/incidents", auth: "token", goal: { p95Ms: 100 }, floor: incidentListFloor("") },
    {
      name: "GET /api/v1/incidents deep cursor",
      path: `/api/v1/incidents?cursor=${facts.deepCursor}`,
      auth: "token",
      goal: { p95Ms: 100 },
      floor: incidentListFloor(`cursor=${facts.deepCursor}`),
    },
  );
  for (const view of LIST_VIEWS) {
    targets.push({
      name: `GET /api/v1/incidents?${view}`,
      path: `/api/v1/incidents?${view}`,
      auth: "token",
      goal: { p95Ms: 100 },
      floor: incidentListFloor(view),
    });
  }
  let filed = 0;
  targets.push({
    name: "POST /api/v1/incidents (ingest)",
    path: "/api/v1/incidents",
    auth: "token",
    goal: { perSecond: 300 },
    floor: ingestFloor(SERVICE),
    body: () => ingestBody(++filed),
  });
  return targets;
}
