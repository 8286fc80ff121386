import { findIncident } from "@/features/incidents/reads";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { apiRoute, type ParamsContext } from "@/lib/http/api-route";

export const dynamic = "force-dynamic";

/** One incident by its id or its reference (e.g. INC-2026-0042). */
export const GET = apiRoute<ParamsContext<{ id: string }>>("incident:read", async (_request, _actor, { params }) => {
  const { id } = await params;
  const incident = await findIncident(db, id, new Date());
  if (!incident) throw new NotFoundError(`No incident with id or reference "${id}".`);
  return Response.json(incident);
});
