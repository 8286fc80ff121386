// Weeks of figures for tests that do not need a database.
import type { WeekMetrics } from "./types";

/** A full week (10 080 minutes) without incidents: zeros, nulls and availability 1. */
export const emptyWeek = (week: string, start: string): WeekMetrics => ({
  week,
  start,
  incidents: 0,
  sev1: 0,
  sev2: 0,
  aiInvolved: 0,
  aiShare: null,
  policyViolations: 0,
  usersAffected: 0,
  impactMinutes: 0,
  availability: 1,
  minutes: 10_080,
  ttd: { median: null, p90: null },
  ttm: { median: null, p90: null },
  ttr: { median: null, p90: null },
});
