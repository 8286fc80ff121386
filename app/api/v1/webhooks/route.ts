import { createWebhook } from "@/features/webhooks/mutations/webhooks";
import { listWebhooks } from "@/features/webhooks/reads";
import { db } from "@/lib/db";
import { apiRoute, readJson } from "@/lib/http/api-route";

export const dynamic = "force-dynamic";

/** Every webhook (ADMIN), never a secret. */
export const GET = apiRoute("settings:manage", async () => Response.json({ items: await listWebhooks(db) }));

/** Adds a webhook (ADMIN): `{ url, events, format, secret? }` → 201 with the webhook and its secret, shown this once. */
export const POST = apiRoute("settings:manage", async (request, actor) => {
  const { webhook, secret } = await createWebhook(db, actor, await readJson(request));
  return Response.json({ ...webhook, secret }, { status: 201, headers: { etag: `"${webhook.version}"`, location: `/api/v1/webhooks/${webhook.id}` } });
});
