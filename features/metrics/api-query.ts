import { getOrganisationSettings } from "@/lib/organisation-settings";
import type { Database } from "@/lib/db/client";
import { ValidationError } from "@/lib/errors";
import { searchParamsOf } from "@/lib/http/query";
import { parseMetricsPeriod } from "./params";
import type { MetricsQuery } from "./types";

/**
 * The query of a GET /api/v1/metrics/… request: from and to (dates, both required), team or
 * service (slugs), in the organisation's zone; any other parameter, or a bad one, is a 400
 * naming it. Unknown slugs are left to the query, which answers 404.
 */
export async function metricsQueryOfRequest(db: Database, request: Request): Promise<MetricsQuery> {
  const { timeZone } = await getOrganisationSettings(db);
  const period = parseMetricsPeriod(searchParamsOf(request), { timeZone, now: new Date(), requireDates: true });
  if (Object.keys(period.errors).length > 0) throw new ValidationError(period.errors);
  return { from: period.from, to: period.to, timeZone, scope: period.scope };
}
