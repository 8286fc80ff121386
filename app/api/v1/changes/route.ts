import { parseChangeListParams } from "@/features/changes/list-params";
import { recordChange } from "@/features/changes/mutations";
import { listChangePage } from "@/features/changes/reads";
import { getOrganisationSettings } from "@/lib/organisation-settings";
import { db, readDb } from "@/lib/db";
import { ValidationError } from "@/lib/errors";
import { searchParamsOf } from "@/lib/http/query";
import { apiRoute, bodyLimit, readJson } from "@/lib/http/api-route";

export const dynamic = "force-dynamic";

/**
 * Recorded changes matching the filters (from, to, service, team, ai, signOff, failed,
 * mismatch), newest deploy first, a page at a time: `{ items, nextCursor }`. The same query
 * as the /changes page. A bad or unknown parameter is a 400 naming it.
 */
export const GET = apiRoute("incident:read", async (request) => {
  const { params, errors } = parseChangeListParams(searchParamsOf(request), { strict: true });
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);
  if (params.before) throw new ValidationError({ before: ["the API pages forwards only: pass nextCursor as cursor"] });
  const { timeZone, approvalPolicy } = await getOrganisationSettings(db);
  const page = await listChangePage(readDb(), { ...params, timeZone, policy: approvalPolicy });
  return Response.json({ items: page.items, nextCursor: page.nextCursor });
});

/** Records a change from the deploy pipeline: 201 when the reference is new, 200 when it was recorded before (the stored change becomes the request). */
export const POST = apiRoute("change:record", async (request, actor) => {
  const { change, created } = await recordChange(db, await readJson(request, { limitBytes: bodyLimit("changes") }), actor);
  return Response.json(change, { status: created ? 201 : 200 });
});
