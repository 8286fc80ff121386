import { updateIncident } from "@/features/incidents/mutations";
import { findIncident } from "@/features/incidents/reads";
import { withRepeats } from "@/features/incidents/repeats/reads";
import { IncidentVersionConflictError } from "@/features/incidents/version-conflict";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { apiRoute, readJson, type ParamsContext } from "@/lib/http/api-route";
import { problem } from "@/lib/http/problem";
import { pathParameter } from "@/lib/http/query";

export const dynamic = "force-dynamic";

/** One incident by its id or its reference (e.g. INC-2026-0042), with its repeats. */
export const GET = apiRoute<ParamsContext<{ id: string }>>("incident:read", async (_request, _actor, { params }) => {
  const id = pathParameter("id", (await params).id);
  const incident = await findIncident(db, id, new Date());
  if (!incident) throw new NotFoundError(`No incident with id or reference "${id}".`);
  return Response.json(await withRepeats(db, incident));
});

/**
 * Edits an incident: `version` (the one the edit is based on) and the fields to change.
 * 200 with the updated incident; 409 with the current version and incident when `version`
 * is stale, so the client can show what changed and re-apply its edit.
 */
export const PATCH = apiRoute<ParamsContext<{ id: string }>>("incident:update", async (request, actor, { params }) => {
  const id = pathParameter("id", (await params).id);
  try {
    return Response.json(await withRepeats(db, await updateIncident(db, id, await readJson(request), actor)));
  } catch (error) {
    if (!(error instanceof IncidentVersionConflictError)) throw error;
    return problem(409, "Conflict", error.message, {
      currentVersion: error.currentVersion,
      yourVersion: error.yourVersion,
      current: await withRepeats(db, error.current),
    });
  }
});
