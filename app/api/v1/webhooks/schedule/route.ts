import { ifMatchVersion, withVersion } from "@/features/webhooks/if-match";
import { saveWebhookSchedule } from "@/features/webhooks/mutations/schedule";
import { readWebhookSchedule } from "@/features/webhooks/reads";
import { db } from "@/lib/db";
import { apiRoute, readJson } from "@/lib/http/api-route";

export const dynamic = "force-dynamic";

/** When the weekly digest and the daily action-item reminders go out (ADMIN), in the organisation's time zone. */
export const GET = apiRoute("settings:manage", async () => withVersion(await readWebhookSchedule(db)));

/** Saves the schedule (ADMIN): `{ digestWeekday, digestHour, reminderHour }`; with If-Match, a stale version is a 409. */
export const PUT = apiRoute("settings:manage", async (request, actor) =>
  withVersion(await saveWebhookSchedule(db, actor, await readJson(request), ifMatchVersion(request) ?? undefined)),
);
