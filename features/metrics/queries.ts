import "server-only";
import { cache } from "react";
import { queryPeriodComparison } from "./comparison";
import { db } from "@/lib/db";
import { getOrganisationSettings } from "@/lib/organisation-settings";
import {
  queryAiIncidentComparison,
  queryBlastRadiusCounts,
  queryPeriodSummary,
  queryRootCauseCounts,
  queryTopServicesByImpact,
  queryWeeklyMetrics,
} from "./reads";
import type { MetricsSearchParams } from "./params";
import { trendsContextOf, type ScopeOptions, type TrendsContext } from "./trends-context";
import type { MetricsQuery } from "./types";

// Cards of one page share a fetch: React's cache() keys on arguments, so the query travels as JSON.
export const parseQueryKey = (key: string): MetricsQuery => {
  const raw = JSON.parse(key) as MetricsQuery & { now?: string };
  return { ...raw, now: raw.now ? new Date(raw.now) : undefined };
};

export const queryKey = (q: MetricsQuery) => JSON.stringify(q);

export const loadWeeklyMetrics = cache((key: string) => queryWeeklyMetrics(db, parseQueryKey(key)));
export const loadPeriodSummary = cache((key: string) => queryPeriodSummary(db, parseQueryKey(key)));
export const loadPeriodComparison = cache((key: string) => queryPeriodComparison(db, parseQueryKey(key)));
export const loadRootCauseCounts = cache((key: string) => queryRootCauseCounts(db, parseQueryKey(key)));
export const loadBlastRadiusCounts = cache((key: string) => queryBlastRadiusCounts(db, parseQueryKey(key)));
export const loadAiIncidentComparison = cache((key: string) => queryAiIncidentComparison(db, parseQueryKey(key)));
export const loadTopServices = cache((key: string) => queryTopServicesByImpact(db, { ...parseQueryKey(key), limit: 10 }));

/** The period and scope of a trends page from its URL, in the organisation's zone (read on every request). */
export async function loadTrendsContext(searchParams: MetricsSearchParams, options: ScopeOptions, now = new Date()): Promise<TrendsContext> {
  return trendsContextOf(searchParams, await getOrganisationSettings(db), options, now);
}
