import { markNotRepeat, undoNotRepeatMark } from "@/features/incidents/repeats/mutations";
import { db } from "@/lib/db";
import { apiRoute, readJson, type ParamsContext } from "@/lib/http/api-route";
import { pathParameter } from "@/lib/http/query";

export const dynamic = "force-dynamic";

type Context = ParamsContext<{ id: string; earlier: string }>;

const pairOf = async (context: Context) => {
  const params = await context.params;
  return { incident: pathParameter("id", params.id), earlier: pathParameter("earlier", params.earlier) };
};

/**
 * Marks the earlier incident as not a repeat of this one (LEAD): body `{ "reason": "…" }` or
 * none. 200 `{ incident, earlier, changed }`; marking a marked pair again changes nothing.
 * 409 when the rule does not make the earlier incident a repeat of this one.
 */
export const PUT = apiRoute<Context>("incident:markNotRepeat", async (request, actor, context) => {
  const body = request.headers.get("content-type") ? await readJson(request) : {};
  return Response.json(await markNotRepeat(db, await pairOf(context), body, actor));
});

/** Undoes the mark (LEAD): 200 `{ incident, earlier, changed }`, changed false when there was none. */
export const DELETE = apiRoute<Context>("incident:markNotRepeat", async (_request, actor, context) =>
  Response.json(await undoNotRepeatMark(db, await pairOf(context), actor)),
);
