// The FAN_OUT_TASK job: an event rendered once per webhook that takes it, each delivery and its
// first send queued in one transaction. A delivery is unique per (webhook, event), so a second
// run of the job (after a crash, or a retry by the queue) adds nothing, and a webhook deleted
// meanwhile is skipped.
import { TEST_EVENT_TYPE } from "@/lib/jobs/events";
import { addJob } from "@/lib/jobs/queue";
import { renderBody, type WebhookFormat } from "./render/body";
import { buildEventData } from "./render/event-data";
import { DELIVER_TASK, type DeliverJob, type WebhookRuntime } from "./runtime";

type Recipient = { id: string; format: string };

/** The webhooks an event goes to: only its own webhook, paused or not, for a test; else every unpaused one that takes its type. */
async function recipientsOf(runtime: WebhookRuntime, event: { type: string; webhookId: string | null }): Promise<Recipient[]> {
  if (event.type === TEST_EVENT_TYPE || event.webhookId) {
    return event.webhookId ? runtime.db.webhook.findMany({ where: { id: event.webhookId }, select: { id: true, format: true } }) : [];
  }
  return runtime.db.webhook.findMany({
    where: { pausedAt: null, events: { has: event.type } },
    select: { id: true, format: true },
    orderBy: { createdAt: "asc" },
  });
}

const formatOf = (format: string): WebhookFormat => (format === "slack" ? "slack" : "json");

export async function fanOutEvent(runtime: WebhookRuntime, job: { eventId: string }): Promise<void> {
  const event = await runtime.db.webhookEvent.findUnique({ where: { id: job.eventId } });
  if (!event) return;
  const recipients = await recipientsOf(runtime, event);
  if (recipients.length === 0) return;
  const data = await buildEventData(runtime, event);
  if (!data) return;
  const bodies = recipients.map((webhook) => ({ webhookId: webhook.id, body: renderBody(formatOf(webhook.format), event, data) }));
  await runtime.db.$transaction(async (tx) => {
    for (const { webhookId, body } of bodies) {
      const inserted = await tx.$queryRaw<{ id: string }[]>`
        INSERT INTO webhook_deliveries (id, webhook_id, event_id, event_type, status, body)
        SELECT gen_random_uuid(), w.id, ${event.id}::uuid, ${event.type}, 'PENDING', ${body} FROM webhooks w WHERE w.id = ${webhookId}::uuid
        ON CONFLICT (webhook_id, event_id) DO NOTHING
        RETURNING id::text AS id`;
      for (const { id } of inserted) {
        const payload: DeliverJob = { deliveryId: id, attempt: 1 };
        await addJob(tx, DELIVER_TASK, payload);
      }
    }
  });
}
