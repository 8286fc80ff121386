// Rows and a worker for the delivery tests: a webhook, an event and its delivery as the fan-out
// job leaves them, and the real job worker running the deliver job.
import type { Database } from "@/lib/db/client";
import { addJob } from "@/lib/jobs/queue";
import { startJobWorker, type JobWorker } from "@/lib/jobs/worker";
import { DELIVER_TASK, type DeliverJob, type WebhookRuntime } from "@/features/webhooks/runtime";
import { deliverWebhook } from "./deliver";

export const TEST_SECRET = "whsec_delivery_tests";

/** A quick policy, so a test sees several attempts in well under a second. */
export function testRuntime(db: Database, changes: Partial<WebhookRuntime> = {}): WebhookRuntime {
  return {
    db,
    baseUrl: "http://ops-review.test",
    timeoutMs: 2_000,
    retryBaseMs: 20,
    maxRetryDelayMs: 200,
    maxAttempts: 8,
    pauseAfterFailures: 5,
    allowPrivateNetworks: true,
    now: () => new Date(),
    ...changes,
  };
}

type NewDelivery = {
  url: string;
  eventType?: string;
  format?: string;
  webhookId?: string;
  pausedAt?: Date;
  consecutiveFailures?: number;
  subscribed?: boolean;
};

/** Inserts a delivery (and its webhook unless given) and queues its first attempt. */
export async function queueDelivery(db: Database, delivery: NewDelivery): Promise<{ deliveryId: string; webhookId: string; body: string }> {
  const eventType = delivery.eventType ?? "incident.sev1_filed";
  const webhookId =
    delivery.webhookId ??
    (
      await db.webhook.create({
        data: {
          url: delivery.url,
          events: delivery.subscribed === false ? ["incident.mitigated"] : [eventType],
          format: delivery.format ?? "json",
          secret: TEST_SECRET,
          pausedAt: delivery.pausedAt ?? null,
          consecutiveFailures: delivery.consecutiveFailures ?? 0,
        },
        select: { id: true },
      })
    ).id;
  const event = await db.webhookEvent.create({ data: { type: eventType, subject: { incidentId: crypto.randomUUID() } }, select: { id: true } });
  const body = JSON.stringify({ type: eventType, id: event.id });
  const { id } = await db.webhookDelivery.create({ data: { webhookId, eventId: event.id, eventType, body }, select: { id: true } });
  await addJob(db, DELIVER_TASK, { deliveryId: id, attempt: 1 });
  return { deliveryId: id, webhookId, body };
}

/** A real worker whose deliver job runs with whatever `runtime()` gives at the time. */
export function startDeliveryWorker(databaseUrl: string, runtime: () => WebhookRuntime): Promise<JobWorker> {
  return startJobWorker({
    databaseUrl,
    tasks: { [DELIVER_TASK]: (payload) => deliverWebhook(runtime(), payload as DeliverJob) },
    concurrency: 2,
    pollInterval: 20,
  });
}

/** Waits until the delivery is finished (DELIVERED, FAILED or SKIPPED) and returns it with its attempts. */
export async function finishedDelivery(db: Database, deliveryId: string) {
  for (let i = 0; i < 500; i += 1) {
    const delivery = await db.webhookDelivery.findUniqueOrThrow({
      where: { id: deliveryId },
      include: { attemptLog: { orderBy: { attempt: "asc" } } },
    });
    if (["DELIVERED", "FAILED", "SKIPPED"].includes(delivery.status)) return delivery;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`delivery ${deliveryId} did not finish`);
}
