import { openIncidentCsvExport } from "@/features/incidents/list/csv-export";
import { parseIncidentListParams } from "@/features/incidents/list/params";
import { getOrganisationSettings } from "@/lib/organisation-settings";
import { authenticateBearer } from "@/lib/auth/api-tokens";
import { currentUiActor } from "@/lib/auth/current-actor";
import { can } from "@/lib/auth/permissions";
import { db, readDb } from "@/lib/db";
import { ValidationError } from "@/lib/errors";
import { serverEnv } from "@/lib/env";
import { downloadResponse } from "@/lib/http/download";
import { problem, problemFromError, retryLaterProblem } from "@/lib/http/problem";
import { searchParamsOf } from "@/lib/http/query";

export const dynamic = "force-dynamic";

/**
 * The CSV of every incident a list view shows (its filters and order, all pages), for the
 * signed-in browser that clicked "Download CSV", or for a script with an API token. Past
 * EXPORT_MAX_CONCURRENT running exports (across instances) the next is a 429 with Retry-After.
 */
export async function GET(request: Request): Promise<Response> {
  try {
    const actor = (await currentUiActor()) ?? (await authenticateBearer(db, request.headers.get("authorization")));
    if (!actor) return problem(401, "Unauthorized", "Sign in first, or send Authorization: Bearer <token>.");
    if (!can(actor.role, "incident:read")) return problem(403, "Forbidden", `The role ${actor.role} may not read incidents.`);
    const { params, errors } = parseIncidentListParams(searchParamsOf(request));
    if (Object.keys(errors).length > 0) throw new ValidationError(errors);
    const { timeZone } = await getOrganisationSettings(db);
    const maxConcurrent = serverEnv().EXPORT_MAX_CONCURRENT;
    const stream = await openIncidentCsvExport(readDb(), params, { timeZone, maxConcurrent });
    if (!stream) return retryLaterProblem(429, `At most ${maxConcurrent} CSV exports run at once; try again in a few seconds.`, 5);
    const stamp = new Date().toISOString().slice(0, 16).replace(/\D/g, "");
    return downloadResponse(stream, "text/csv; charset=utf-8; header=present", `incidents-${stamp}.csv`);
  } catch (error) {
    return problemFromError(error, "GET /incidents/export");
  }
}
