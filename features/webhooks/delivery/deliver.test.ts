import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { TEST_EVENT_TYPE } from "@/lib/jobs/events";
import type { JobWorker } from "@/lib/jobs/worker";
import type { WebhookRuntime } from "@/features/webhooks/runtime";
import { useTestDatabase } from "@/test/database";
import { deliverWebhook } from "./deliver";
import { finishedDelivery, queueDelivery, startDeliveryWorker, TEST_SECRET, testRuntime } from "./deliver-fixtures";
import { verifySignature } from "./signature";
import { startTestReceiver, type ReceiverAnswer, type TestReceiver } from "./test-receiver";

const { db, url } = useTestDatabase();
let runtime: WebhookRuntime;
let worker: JobWorker;
const receivers: TestReceiver[] = [];

beforeAll(async () => {
  runtime = testRuntime(db);
  worker = await startDeliveryWorker(url(), () => runtime);
});
afterAll(() => worker.stop());
afterEach(async () => {
  runtime = testRuntime(db);
  await Promise.all(receivers.splice(0).map((receiver) => receiver.close()));
});

async function receiver(answer: (n: number) => ReceiverAnswer): Promise<TestReceiver> {
  const started = await startTestReceiver((_request, n) => answer(n));
  receivers.push(started);
  return started;
}

const attemptsOf = (delivery: Awaited<ReturnType<typeof finishedDelivery>>) =>
  delivery.attemptLog.map(({ attempt, statusCode, error, retryAt }) => ({ attempt, statusCode, error, retried: retryAt !== null }));

describe("delivering a webhook", () => {
  it("retries a receiver that fails twice, then delivers once, signed", async () => {
    const target = await receiver((n) => ({ status: n <= 2 ? 500 : 200 }));
    const { deliveryId, webhookId, body } = await queueDelivery(db, { url: `${target.origin}/hook`, consecutiveFailures: 3 });
    const delivery = await finishedDelivery(db, deliveryId);

    expect(delivery).toMatchObject({ status: "DELIVERED", attempts: 3, nextAttemptAt: null });
    expect(delivery.finishedAt).not.toBeNull();
    expect(attemptsOf(delivery)).toEqual([
      { attempt: 1, statusCode: 500, error: null, retried: true },
      { attempt: 2, statusCode: 500, error: null, retried: true },
      { attempt: 3, statusCode: 200, error: null, retried: false },
    ]);
    expect(target.received).toHaveLength(3);
    expect((await db.webhook.findUniqueOrThrow({ where: { id: webhookId } })).consecutiveFailures).toBe(0);

    const last = target.received[2]!;
    expect(last.body).toBe(body);
    expect(last.headers).toMatchObject({
      "content-type": "application/json",
      "user-agent": "OpsReview-Webhooks/1.0",
      "x-ops-review-event": "incident.sev1_filed",
      "x-ops-review-delivery": deliveryId,
    });
    const signed = {
      secret: TEST_SECRET,
      signature: String(last.headers["x-ops-review-signature"]),
      timestamp: String(last.headers["x-ops-review-timestamp"]),
    };
    expect(verifySignature({ ...signed, body: last.body, now: new Date() })).toBe(true);
    expect(verifySignature({ ...signed, body: last.body.replace("sev1", "sev2"), now: new Date() })).toBe(false);
    expect(verifySignature({ ...signed, body: last.body, now: new Date(Date.now() + 10 * 60_000) })).toBe(false);

    // The queue may run a job again after a crash: an attempt already logged is not sent again.
    await deliverWebhook(runtime, { deliveryId, attempt: 3 });
    await deliverWebhook(runtime, { deliveryId, attempt: 4 });
    expect(target.received).toHaveLength(3);
    expect(await db.webhookAttempt.count({ where: { deliveryId } })).toBe(3);
  });

  it("logs a receiver that hangs as timed out, and delivers on a later attempt", async () => {
    runtime = testRuntime(db, { timeoutMs: 200 });
    const target = await receiver((n) => (n === 1 ? "hang" : { status: 202 }));
    const delivery = await finishedDelivery(db, (await queueDelivery(db, { url: target.origin })).deliveryId);
    expect(delivery.status).toBe("DELIVERED");
    expect(attemptsOf(delivery)).toEqual([
      { attempt: 1, statusCode: null, error: "Timed out after 0.2 s", retried: true },
      { attempt: 2, statusCode: 202, error: null, retried: false },
    ]);
    expect(delivery.attemptLog[0]!.durationMs).toBeGreaterThanOrEqual(200);
  });

  it("waits as long as a 429's Retry-After asks before the next attempt", async () => {
    const target = await receiver((n) => (n === 1 ? { status: 429, headers: { "Retry-After": "1" } } : { status: 200 }));
    const delivery = await finishedDelivery(db, (await queueDelivery(db, { url: target.origin })).deliveryId);
    const [first, second] = delivery.attemptLog;
    expect(delivery.status).toBe("DELIVERED");
    expect(first).toMatchObject({ statusCode: 429 });
    // The backoff alone would be 20 ms; the receiver asked for a second.
    expect(first!.retryAt!.getTime() - first!.startedAt.getTime()).toBeGreaterThanOrEqual(1_000);
    expect(second!.startedAt.getTime()).toBeGreaterThanOrEqual(first!.retryAt!.getTime());
  });

  it("does not retry a 400, and gives up after the last attempt", async () => {
    runtime = testRuntime(db, { maxAttempts: 3 });
    const refusing = await receiver(() => ({ status: 400 }));
    const once = await finishedDelivery(db, (await queueDelivery(db, { url: refusing.origin })).deliveryId);
    expect(once).toMatchObject({ status: "FAILED", attempts: 1, nextAttemptAt: null });
    expect(attemptsOf(once)).toEqual([{ attempt: 1, statusCode: 400, error: null, retried: false }]);
    expect(refusing.received).toHaveLength(1);

    const failing = await receiver(() => ({ status: 503 }));
    const { deliveryId, webhookId } = await queueDelivery(db, { url: failing.origin });
    const exhausted = await finishedDelivery(db, deliveryId);
    expect(exhausted).toMatchObject({ status: "FAILED", attempts: 3 });
    expect(exhausted.finishedAt).not.toBeNull();
    expect(attemptsOf(exhausted).map((attempt) => attempt.retried)).toEqual([true, true, false]);
    expect(failing.received).toHaveLength(3);
    expect((await db.webhook.findUniqueOrThrow({ where: { id: webhookId } })).consecutiveFailures).toBe(1);
  });

  it("refuses a private address unless private networks are allowed, without retrying", async () => {
    runtime = testRuntime(db, { allowPrivateNetworks: false });
    const local = await receiver(() => ({ status: 200 }));
    const delivery = await finishedDelivery(db, (await queueDelivery(db, { url: `${local.origin}/hook` })).deliveryId);
    expect(delivery).toMatchObject({ status: "FAILED", attempts: 1 });
    expect(attemptsOf(delivery)).toEqual([{ attempt: 1, statusCode: null, error: "Not sent: 127.0.0.1 is a loopback address", retried: false }]);
    expect(local.received).toHaveLength(0);
  });

  it("sends a slack delivery unsigned, and does nothing for a delivery that is gone", async () => {
    const target = await receiver(() => ({ status: 200 }));
    const delivery = await finishedDelivery(db, (await queueDelivery(db, { url: target.origin, format: "slack" })).deliveryId);
    expect(delivery.status).toBe("DELIVERED");
    expect(target.received[0]!.headers["x-ops-review-signature"]).toBeUndefined();
    expect(target.received[0]!.headers["x-ops-review-timestamp"]).toBeUndefined();
    await expect(deliverWebhook(runtime, { deliveryId: crypto.randomUUID(), attempt: 1 })).resolves.toBeUndefined();
  });

  it("skips a delivery of an event its webhook no longer takes", async () => {
    const target = await receiver(() => ({ status: 200 }));
    const { deliveryId, webhookId } = await queueDelivery(db, { url: target.origin, eventType: "review.prepared", subscribed: false });
    expect(await finishedDelivery(db, deliveryId)).toMatchObject({ status: "SKIPPED", attempts: 0 });
    expect(target.received).toHaveLength(0);
    expect((await db.webhook.findUniqueOrThrow({ where: { id: webhookId } })).consecutiveFailures).toBe(0);
  });
});

describe("a webhook that keeps failing", () => {
  it("is paused after pauseAfterFailures failed deliveries in a row, says why, and then skips deliveries", async () => {
    runtime = testRuntime(db, { maxAttempts: 2, pauseAfterFailures: 2 });
    const failing = await receiver(() => ({ status: 503 }));
    const first = await queueDelivery(db, { url: failing.origin });
    const { webhookId } = first;
    const hook = () => db.webhook.findUniqueOrThrow({ where: { id: webhookId } });

    expect((await finishedDelivery(db, first.deliveryId)).status).toBe("FAILED");
    expect(await hook()).toMatchObject({ consecutiveFailures: 1, pausedAt: null, version: 1 });

    // A failed test never counts toward pausing.
    const test = await queueDelivery(db, { url: failing.origin, webhookId, eventType: TEST_EVENT_TYPE });
    expect((await finishedDelivery(db, test.deliveryId)).status).toBe("FAILED");
    expect(await hook()).toMatchObject({ consecutiveFailures: 1, pausedAt: null });

    const second = await queueDelivery(db, { url: failing.origin, webhookId });
    expect((await finishedDelivery(db, second.deliveryId)).status).toBe("FAILED");
    const paused = await hook();
    expect(paused).toMatchObject({
      consecutiveFailures: 2,
      pausedReason: "Paused automatically: 2 deliveries in a row failed; the last answered HTTP 503 after 2 attempts.",
      version: 2,
    });
    expect(paused.pausedAt).not.toBeNull();
    const audits = await db.auditEvent.findMany({ where: { entityType: "Webhook", entityId: webhookId } });
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ action: "webhook.pause", method: "SYSTEM", actorLabel: "Webhook delivery", actorUserId: null });
    expect(audits[0]!.changes).toMatchObject({ pausedReason: { from: null, to: paused.pausedReason } });
    expect(failing.received).toHaveLength(6);

    const skipped = await finishedDelivery(db, (await queueDelivery(db, { url: failing.origin, webhookId })).deliveryId);
    expect(skipped).toMatchObject({ status: "SKIPPED", attempts: 0, attemptLog: [] });
    expect(skipped.finishedAt).not.toBeNull();
    expect(failing.received).toHaveLength(6);

    // The test button still reaches a paused webhook, and its failure changes nothing.
    const retest = await finishedDelivery(db, (await queueDelivery(db, { url: failing.origin, webhookId, eventType: TEST_EVENT_TYPE })).deliveryId);
    expect(retest).toMatchObject({ status: "FAILED", attempts: 2 });
    expect(failing.received).toHaveLength(8);
    expect(await hook()).toMatchObject({ consecutiveFailures: 2, version: 2 });
    expect(await db.auditEvent.count({ where: { entityId: webhookId } })).toBe(1);
  });

  it("names the error when the last delivery got no answer", async () => {
    runtime = testRuntime(db, { allowPrivateNetworks: false, pauseAfterFailures: 1 });
    const { deliveryId, webhookId } = await queueDelivery(db, { url: "http://10.0.0.1/hook" });
    await finishedDelivery(db, deliveryId);
    expect((await db.webhook.findUniqueOrThrow({ where: { id: webhookId } })).pausedReason).toBe(
      "Paused automatically: 1 delivery in a row failed; the last failed (Not sent: 10.0.0.1 is a private address) after 1 attempt.",
    );
  });
});
