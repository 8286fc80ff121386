import { queryChangeMetrics } from "@/features/changes/metrics";
import { metricsQueryOfRequest } from "@/features/metrics/api-query";
import { db, readDb } from "@/lib/db";
import { apiRoute } from "@/lib/http/api-route";

export const dynamic = "force-dynamic";

/**
 * Change failure rate (docs/metrics.md, "Changes and change failure rate"): `{ weeks: [...], total }`,
 * one entry for every ISO week of the organisation's zone that overlaps [from, to], empty
 * weeks included, each split by AI involvement and by sign-off; `team` or `service` narrow
 * the changes to those deployed to the scope's services. The dashboard's "Change risk"
 * charts read the same queryChangeMetrics.
 */
export const GET = apiRoute("incident:read", async (request) => {
  const { weeks, total } = await queryChangeMetrics(readDb(), await metricsQueryOfRequest(db, request));
  return Response.json({ weeks, total });
});
