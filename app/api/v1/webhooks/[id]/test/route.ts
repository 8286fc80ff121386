import { sendTestEvent } from "@/features/webhooks/mutations/webhooks";
import { db } from "@/lib/db";
import { apiRoute, type ParamsContext } from "@/lib/http/api-route";
import { pathParameter } from "@/lib/http/query";

export const dynamic = "force-dynamic";

/** Queues a test event for this webhook (ADMIN): 202 `{ eventId }`; its delivery shows in the log. */
export const POST = apiRoute<ParamsContext<{ id: string }>>("settings:manage", async (_request, actor, { params }) => {
  const id = pathParameter("id", (await params).id);
  return Response.json(await sendTestEvent(db, actor, id), { status: 202 });
});
