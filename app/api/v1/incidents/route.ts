import { fileIncident } from "@/features/incidents/mutations";
import { parseIncidentListParams } from "@/features/incidents/list/params";
import { needsTimeZone } from "@/features/incidents/list/sql";
import { listIncidentPage } from "@/features/incidents/reads";
import { withRepeats } from "@/features/incidents/repeats/reads";
import { getOrganisationSettings } from "@/lib/organisation-settings";
import { db, readDb } from "@/lib/db";
import { ValidationError } from "@/lib/errors";
import { searchParamsOf } from "@/lib/http/query";
import { apiRoute, readJson } from "@/lib/http/api-route";

export const dynamic = "force-dynamic";

/**
 * Incidents matching the filters (from, to, severity, service, team, ai, status, rootCause,
 * postmortem, policyViolation, repeat, q), newest first unless sorted otherwise, a page at a time:
 * `{ items, nextCursor }`; pass nextCursor back as `cursor` for the next page. The same
 * query as the incident list page. A bad parameter is a 400 naming it.
 */
export const GET = apiRoute("incident:read", async (request) => {
  const { params, errors } = parseIncidentListParams(searchParamsOf(request), { strict: true });
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);
  if (params.before) throw new ValidationError({ before: ["the API pages forwards only: pass nextCursor as cursor"] });
  const timeZone = needsTimeZone(params.filters) ? (await getOrganisationSettings(db)).timeZone : undefined;
  const page = await listIncidentPage(readDb(), { ...params, timeZone });
  return Response.json({ items: page.items, nextCursor: page.nextCursor });
});

/** Files an incident: 201 with the incident, its reference, version, derived fields and repeats. */
export const POST = apiRoute("incident:create", async (request, actor) => {
  const incident = await withRepeats(db, await fileIncident(db, await readJson(request), actor));
  return Response.json(incident, { status: 201, headers: { location: `/api/v1/incidents/${incident.reference}` } });
});
