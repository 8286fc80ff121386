import { queryFollowThrough } from "@/features/follow-through/reads";
import { metricsQueryOfRequest } from "@/features/metrics/api-query";
import { db, readDb } from "@/lib/db";
import { apiRoute } from "@/lib/http/api-route";

export const dynamic = "force-dynamic";

/**
 * Follow-through (docs/metrics.md, "Follow-through"): `{ weeks, total, asOf, openByAge }`: for
 * every ISO week of the organisation's zone that overlaps [from, to], the action items due and
 * how many were done by their due date, and the incidents with a repeat; and the action items
 * open now by age and priority. `team` or `service` narrow both to the incidents in scope. The
 * dashboard's and the executive summary's follow-through cards read the same queryFollowThrough.
 */
export const GET = apiRoute("incident:read", async (request) => {
  const { weeks, total, asOf, openByAge } = await queryFollowThrough(readDb(), await metricsQueryOfRequest(db, request));
  return Response.json({ weeks, total, asOf, openByAge });
});
