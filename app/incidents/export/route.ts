import { incidentCsvStream } from "@/features/incidents/list/csv";
import { parseIncidentListParams } from "@/features/incidents/list/params";
import { getOrganisationSettings } from "@/features/settings/queries";
import { authenticateBearer } from "@/lib/auth/api-tokens";
import { currentUiActor } from "@/lib/auth/current-actor";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { ValidationError } from "@/lib/errors";
import { problem, problemFromError } from "@/lib/http/problem";

export const dynamic = "force-dynamic";

/**
 * The CSV of every incident a list view shows (its filters and order, all pages), for the
 * signed-in browser that clicked "Download CSV", or for a script with an API token.
 */
export async function GET(request: Request): Promise<Response> {
  try {
    const actor = (await currentUiActor()) ?? (await authenticateBearer(db, request.headers.get("authorization")));
    if (!actor) return problem(401, "Unauthorized", "Sign in first, or send Authorization: Bearer <token>.");
    if (!can(actor.role, "incident:read")) return problem(403, "Forbidden", `The role ${actor.role} may not read incidents.`);
    const { params, errors } = parseIncidentListParams(new URL(request.url).searchParams);
    if (Object.keys(errors).length > 0) throw new ValidationError(errors);
    const { timeZone } = await getOrganisationSettings(db);
    const stamp = new Date().toISOString().slice(0, 16).replace(/\D/g, "");
    return new Response(incidentCsvStream(db, params, { timeZone }), {
      headers: {
        "content-type": "text/csv; charset=utf-8; header=present",
        "content-disposition": `attachment; filename="incidents-${stamp}.csv"`,
        "cache-control": "no-store",
      },
    });
  } catch (error) {
    return problemFromError(error, "GET /incidents/export");
  }
}
