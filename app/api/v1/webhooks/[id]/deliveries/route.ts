import { decodeDeliveryCursor, findWebhook, listDeliveries } from "@/features/webhooks/reads";
import { deliveryListQuery } from "@/features/webhooks/schemas";
import { db } from "@/lib/db";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { apiRoute, type ParamsContext } from "@/lib/http/api-route";
import { pathParameter, searchParamsOf } from "@/lib/http/query";
import { addFieldError, fieldErrorsOf, type FieldErrors } from "@/lib/validation";

export const dynamic = "force-dynamic";

/** `limit` and `before`, each at most once, nothing else; `before` must be a cursor of this list. */
function pageOf(request: Request) {
  const params = searchParamsOf(request);
  const errors: FieldErrors = {};
  for (const name of new Set(params.keys())) if (params.getAll(name).length > 1) addFieldError(errors, name, "is given more than once");
  const parsed = deliveryListQuery.safeParse(Object.fromEntries(params));
  if (!parsed.success) Object.assign(errors, fieldErrorsOf(parsed.error));
  const cursor = params.get("before");
  const before = cursor === null ? null : decodeDeliveryCursor(cursor);
  if (cursor !== null && !before && !errors.before) addFieldError(errors, "before", "is not a cursor of this list: pass the nextCursor of the previous page");
  if (Object.keys(errors).length > 0 || !parsed.success) throw new ValidationError(errors);
  return { limit: parsed.data.limit, before };
}

/** A webhook's delivery log (ADMIN), newest first, with each delivery's attempts; `{ items, nextCursor }`. */
export const GET = apiRoute<ParamsContext<{ id: string }>>("settings:manage", async (request, _actor, { params }) => {
  const id = pathParameter("id", (await params).id);
  const page = pageOf(request);
  if (!(await findWebhook(db, id))) throw new NotFoundError(`No webhook with id "${id}".`);
  return Response.json(await listDeliveries(db, id, page));
});
