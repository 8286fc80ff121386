import { ifMatchRequired, ifMatchVersion, withVersion } from "@/features/webhooks/if-match";
import { deleteWebhook, updateWebhook } from "@/features/webhooks/mutations/webhooks";
import { findWebhook } from "@/features/webhooks/reads";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { apiRoute, readJson, type ParamsContext } from "@/lib/http/api-route";
import { pathParameter } from "@/lib/http/query";

export const dynamic = "force-dynamic";

/** One webhook (ADMIN): status, why it is paused, failures in a row, the latest delivery; never its secret. */
export const GET = apiRoute<ParamsContext<{ id: string }>>("settings:manage", async (_request, _actor, { params }) => {
  const id = pathParameter("id", (await params).id);
  const webhook = await findWebhook(db, id);
  if (!webhook) throw new NotFoundError(`No webhook with id "${id}".`);
  return withVersion(webhook);
});

/** Edits a webhook (ADMIN) at the version If-Match names (428 without it, 409 when stale): url, events, format, secret, paused. */
export const PATCH = apiRoute<ParamsContext<{ id: string }>>("settings:manage", async (request, actor, { params }) => {
  const id = pathParameter("id", (await params).id);
  const version = ifMatchVersion(request);
  if (version === null) return ifMatchRequired();
  return withVersion(await updateWebhook(db, actor, id, await readJson(request), version));
});

/** Deletes a webhook and its delivery log (ADMIN); with If-Match, only at that version. */
export const DELETE = apiRoute<ParamsContext<{ id: string }>>("settings:manage", async (request, actor, { params }) => {
  const id = pathParameter("id", (await params).id);
  await deleteWebhook(db, actor, id, ifMatchVersion(request) ?? undefined);
  return new Response(null, { status: 204 });
});
