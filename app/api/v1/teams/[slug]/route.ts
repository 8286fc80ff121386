import { updateTeam } from "@/features/teams/mutations";
import { db } from "@/lib/db";
import { apiRoute, readJson, type ParamsContext } from "@/lib/http/api-route";
import { pathParameter } from "@/lib/http/query";

export const dynamic = "force-dynamic";

/** Renames, retires or brings back a team: `version` and name and/or retired. 422 when retiring a team that owns active services. */
export const PATCH = apiRoute<ParamsContext<{ slug: string }>>("service:manage", async (request, actor, { params }) => {
  const slug = pathParameter("slug", (await params).slug);
  return Response.json(await updateTeam(db, slug, await readJson(request), actor));
});
