import { checkChange } from "@/features/changes/gate";
import { db } from "@/lib/db";
import { apiRoute, bodyLimit, readJson } from "@/lib/http/api-route";

export const dynamic = "force-dynamic";

/** The deploy gate: would this change have the sign-off the policy requires? 200 with the verdict either way; writes nothing. */
export const POST = apiRoute("change:record", async (request) =>
  Response.json(await checkChange(db, await readJson(request, { limitBytes: bodyLimit("changes") }))),
);
