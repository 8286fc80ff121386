import { createService } from "@/features/services/mutations";
import { db } from "@/lib/db";
import { apiRoute, readJson } from "@/lib/http/api-route";

/** Creates a service `{ slug, name, team, sloTarget? }`, and its team when new: 201 with the service. */
export const POST = apiRoute("service:manage", async (request, actor) => {
  const service = await createService(db, await readJson(request), actor);
  return Response.json(service, { status: 201 });
});
