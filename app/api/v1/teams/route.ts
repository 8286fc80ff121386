import { createTeam } from "@/features/teams/mutations";
import { db } from "@/lib/db";
import { apiRoute, readJson } from "@/lib/http/api-route";

/** Creates a team `{ slug, name }`: 201 with the team, 409 when the slug is taken. */
export const POST = apiRoute("service:manage", async (request, actor) => {
  return Response.json(await createTeam(db, await readJson(request), actor), { status: 201 });
});
