import "server-only";

// The metrics reads the pages call, each taking the database and a MetricsQuery. They live in
// modules without "server-only" so that scripts (the benchmark) can run them too.
export { queryWeeklyMetrics } from "./weekly";
export { queryPeriodSummary } from "./period";
export { queryAiIncidentComparison } from "./ai-incidents";
export { queryBlastRadiusCounts, queryRootCauseCounts, queryTopServicesByImpact } from "./breakdowns";
export { resolveMetricsScope, UnknownScopeError } from "./scope";
