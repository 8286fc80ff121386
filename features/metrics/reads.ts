// The metrics reads, each taking the database and a MetricsQuery. Without "server-only", so that
// scripts (the benchmark) and the API run them too; pages reach them through ./queries.
export { queryWeeklyMetrics } from "@/features/metrics/weekly";
export { queryPeriodSummary } from "@/features/metrics/period";
export { queryAiIncidentComparison } from "@/features/metrics/ai-incidents";
export { queryBlastRadiusCounts, queryRootCauseCounts, queryTopServicesByImpact } from "@/features/metrics/breakdowns";
export { resolveMetricsScope, UnknownScopeError } from "@/features/metrics/scope";
