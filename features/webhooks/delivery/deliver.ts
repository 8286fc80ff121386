// The DELIVER_TASK job: sends one attempt of a delivery, logs it, and decides what follows: done,
// another attempt after the backoff, or failed. A webhook whose deliveries keep failing is
// paused, with the reason in words for the ADMIN.
import { auditEventData } from "@/lib/audit";
import { systemActor } from "@/lib/auth/actor";
import { TEST_EVENT_TYPE } from "@/lib/jobs/events";
import { addJob } from "@/lib/jobs/queue";
import type { Prisma } from "@/lib/generated/prisma/client";
import { DELIVER_TASK, type DeliverJob, type WebhookRuntime } from "@/features/webhooks/runtime";
import { retryDelayMs } from "./retry";
import { sendWebhookRequest, type AttemptResult } from "./send";
import { signatureHeader } from "./signature";

type Tx = Prisma.TransactionClient;

export const WEBHOOK_USER_AGENT = "OpsReview-Webhooks/1.0";
/** Who the audit trail names when a webhook is paused for failing. */
export const WEBHOOK_DELIVERY_ACTOR = systemActor("Webhook delivery");

type Sending = { deliveryId: string; eventType: string; body: string; format: string; secret: string };

/** The headers of one attempt; a `json` delivery is signed with the attempt's own timestamp. */
export function deliveryHeaders(sending: Sending, now: Date): Record<string, string> {
  const headers: Record<string, string> = {
    "Content-Type": "application/json",
    "User-Agent": WEBHOOK_USER_AGENT,
    "X-Ops-Review-Event": sending.eventType,
    "X-Ops-Review-Delivery": sending.deliveryId,
  };
  if (sending.format === "json") {
    const timestamp = Math.floor(now.getTime() / 1000);
    headers["X-Ops-Review-Timestamp"] = String(timestamp);
    headers["X-Ops-Review-Signature"] = signatureHeader(sending.secret, timestamp, sending.body);
  }
  return headers;
}

const delivered = (result: AttemptResult) => result.error === null && result.statusCode !== null && result.statusCode >= 200 && result.statusCode < 300;

/** The reason a paused webhook shows, e.g. "… the last answered HTTP 503 after 8 attempts." */
export function pausedReason(failures: number, result: AttemptResult, attempts: number): string {
  const last = result.error === null ? `answered HTTP ${result.statusCode}` : `failed (${result.error})`;
  const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  return `Paused automatically: ${count(failures, "delivery", "deliveries")} in a row failed; the last ${last} after ${count(attempts, "attempt", "attempts")}.`;
}

export async function deliverWebhook(runtime: WebhookRuntime, job: DeliverJob): Promise<void> {
  const delivery = await runtime.db.webhookDelivery.findUnique({
    where: { id: job.deliveryId },
    select: {
      id: true,
      eventType: true,
      body: true,
      status: true,
      attempts: true,
      webhook: { select: { id: true, url: true, events: true, format: true, secret: true, pausedAt: true } },
    },
  });
  // Deleted with its webhook, or a job run again after a crash for an attempt already logged.
  if (delivery === null || job.attempt <= delivery.attempts || !["PENDING", "RETRYING"].includes(delivery.status)) return;
  const { webhook } = delivery;
  const isTest = delivery.eventType === TEST_EVENT_TYPE;
  // A paused webhook, or one that no longer takes the event, is skipped; the test button's event is always sent.
  if (!isTest && (webhook.pausedAt !== null || !webhook.events.includes(delivery.eventType))) {
    await runtime.db.webhookDelivery.updateMany({
      where: { id: delivery.id, attempts: delivery.attempts },
      data: { status: "SKIPPED", nextAttemptAt: null, finishedAt: runtime.now() },
    });
    return;
  }
  const startedAt = runtime.now();
  const headers = deliveryHeaders({ ...webhook, deliveryId: delivery.id, eventType: delivery.eventType, body: delivery.body }, startedAt);
  const result = await sendWebhookRequest(
    { url: webhook.url, body: delivery.body, headers },
    { timeoutMs: runtime.timeoutMs, allowPrivateNetworks: runtime.allowPrivateNetworks },
  );
  const finishedAt = runtime.now();
  const succeeded = delivered(result);
  const retrying = !succeeded && result.retryable && job.attempt < runtime.maxAttempts;
  const retryAt = retrying ? new Date(finishedAt.getTime() + retryDelayMs(job.attempt, runtime, result.retryAfterMs)) : null;
  const status = succeeded ? "DELIVERED" : retrying ? "RETRYING" : "FAILED";

  await runtime.db.$transaction(async (tx) => {
    // Only the first run of this attempt writes; a second run (the queue retrying a job whose
    // worker died after sending) finds the attempt counted and leaves everything as it is.
    const claimed = await tx.webhookDelivery.updateMany({
      where: { id: delivery.id, attempts: { lt: job.attempt }, status: { in: ["PENDING", "RETRYING"] } },
      data: { attempts: job.attempt, status, nextAttemptAt: retryAt, finishedAt: retrying ? null : finishedAt },
    });
    if (claimed.count === 0) return;
    await tx.webhookAttempt.create({
      data: {
        deliveryId: delivery.id,
        attempt: job.attempt,
        startedAt,
        durationMs: result.durationMs,
        statusCode: result.statusCode,
        error: result.error,
        retryAt,
      },
      select: { id: true },
    });
    if (retryAt !== null) await addJob(tx, DELIVER_TASK, { deliveryId: delivery.id, attempt: job.attempt + 1 }, { runAt: retryAt });
    if (isTest) return;
    if (succeeded) await tx.webhook.update({ where: { id: webhook.id }, data: { consecutiveFailures: 0 }, select: { id: true } });
    else if (!retrying) await countFailure(tx, runtime, webhook.id, result, job.attempt, finishedAt);
  });
}

async function countFailure(tx: Tx, runtime: WebhookRuntime, webhookId: string, result: AttemptResult, attempts: number, now: Date): Promise<void> {
  const hook = await tx.webhook.update({
    where: { id: webhookId },
    data: { consecutiveFailures: { increment: 1 } },
    select: { consecutiveFailures: true, pausedAt: true },
  });
  if (hook.pausedAt !== null || hook.consecutiveFailures < runtime.pauseAfterFailures) return;
  const reason = pausedReason(hook.consecutiveFailures, result, attempts);
  await tx.webhook.update({
    where: { id: webhookId },
    data: { pausedAt: now, pausedReason: reason, version: { increment: 1 }, updatedAt: now },
    select: { id: true },
  });
  await tx.auditEvent.create({
    data: auditEventData(WEBHOOK_DELIVERY_ACTOR, {
      action: "webhook.pause",
      entityType: "Webhook",
      entityId: webhookId,
      changes: { pausedAt: { from: null, to: now.toISOString() }, pausedReason: { from: null, to: reason } },
    }),
    select: { id: true },
  });
}
