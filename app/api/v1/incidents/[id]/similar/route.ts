import { findSimilarIncidentsOf, toSimilarIncidentResponse } from "@/features/incidents/similar/reads";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { apiRoute, type ParamsContext } from "@/lib/http/api-route";
import { pathParameter } from "@/lib/http/query";

export const dynamic = "force-dynamic";

/** The five earlier incidents most similar to one (by id or reference) by text, closest first. */
export const GET = apiRoute<ParamsContext<{ id: string }>>("incident:read", async (_request, _actor, { params }) => {
  const id = pathParameter("id", (await params).id);
  const similar = await findSimilarIncidentsOf(db, id);
  if (!similar) throw new NotFoundError(`No incident with id or reference "${id}".`);
  return Response.json({ items: similar.map(toSimilarIncidentResponse) });
});
