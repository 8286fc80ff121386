import { fileIncident } from "@/features/incidents/mutations";
import { db } from "@/lib/db";
import { apiRoute, readJson } from "@/lib/http/api-route";

/** Files an incident: 201 with the incident, its reference, version and derived fields. */
export const POST = apiRoute("incident:create", async (request, actor) => {
  const incident = await fileIncident(db, await readJson(request), actor);
  return Response.json(incident, { status: 201, headers: { location: `/api/v1/incidents/${incident.reference}` } });
});
