import { updateService } from "@/features/services/mutations";
import { db } from "@/lib/db";
import { apiRoute, readJson, type ParamsContext } from "@/lib/http/api-route";
import { pathParameter } from "@/lib/http/query";

export const dynamic = "force-dynamic";

/**
 * Edits a service: `version` (the one the edit is based on) and any of name, team (a team
 * slug), sloTarget, retired. 200 with the service; 409 with the current one when stale.
 */
export const PATCH = apiRoute<ParamsContext<{ slug: string }>>("service:manage", async (request, actor, { params }) => {
  const slug = pathParameter("slug", (await params).slug);
  return Response.json(await updateService(db, slug, await readJson(request), actor));
});
