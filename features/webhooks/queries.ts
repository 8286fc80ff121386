import "server-only";
import { db } from "@/lib/db";
import { readEditableSettings } from "@/features/settings/reads";
import { findWebhook, listDeliveries, listWebhooks, readWebhookSchedule, type DeliveryPosition } from "./reads";

/** Every webhook, as the admin page lists them (never a secret). */
export const webhooks = () => listWebhooks(db);

/** One webhook by id, or null. */
export const webhookById = (id: string) => findWebhook(db, id);

/** A page of a webhook's delivery log, newest first. */
export const webhookDeliveries = (id: string, page: { limit?: number; before?: DeliveryPosition | null } = {}) => listDeliveries(db, id, page);

/** When the digest and the reminders go out, and the organisation's time zone they are read in. */
export async function webhookSchedule() {
  const [schedule, settings] = await Promise.all([readWebhookSchedule(db), readEditableSettings(db)]);
  return { schedule, timeZone: settings.values.timeZone };
}
