import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { fileIncident } from "@/features/incidents/mutations";
import { checkoutOutage } from "@/features/incidents/test-input";
import type { Actor } from "@/lib/auth/actor";
import { startJobWorker, type JobWorker } from "@/lib/jobs/worker";
import { useTestDatabase } from "@/test/database";
import { startTestReceiver, type TestReceiver } from "./delivery/test-receiver";
import { DEFAULT_WEBHOOK_POLICY, type WebhookRuntime } from "./runtime";
import { webhookTasks } from "./tasks";

const { db, url } = useTestDatabase({
  seed: async (db) => {
    const team = await db.team.create({ data: { slug: "storefront", name: "Storefront" } });
    await db.service.createMany({
      data: [
        { slug: "checkout-api", name: "Checkout API", teamId: team.id },
        { slug: "cart", name: "Cart", teamId: team.id },
      ],
    });
  },
});
const engineer: Actor = { userId: null, tokenId: null, label: "oncall@example.test", method: "UI", role: "ENGINEER" };

let hanging: TestReceiver;
let answering: TestReceiver;
beforeAll(async () => {
  hanging = await startTestReceiver(() => "hang");
  answering = await startTestReceiver(() => ({ status: 204 }));
});
afterAll(async () => {
  await hanging.close();
  await answering.close();
});

const runtime = (policy: Partial<WebhookRuntime> = {}): WebhookRuntime => ({
  db,
  baseUrl: "https://ops.example.com",
  ...DEFAULT_WEBHOOK_POLICY,
  timeoutMs: 400,
  retryBaseMs: 100,
  maxRetryDelayMs: 200,
  maxAttempts: 3,
  allowPrivateNetworks: true,
  now: () => new Date(),
  ...policy,
});
let worker: JobWorker | null = null;
const startWorker = async (policy: Partial<WebhookRuntime> = {}) =>
  (worker = await startJobWorker({ databaseUrl: url(), tasks: webhookTasks(runtime(policy)), pollInterval: 50 }));
afterEach(async () => {
  await worker?.stop();
  worker = null;
  await db.webhook.deleteMany();
});

let filed = 0;
const fileSev1 = () => {
  filed += 1;
  return fileIncident(db, { ...checkoutOutage(), title: `Checkout down, ${filed}`, status: "INVESTIGATING", impact: { usersAffected: 100 } }, engineer);
};
async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string): Promise<T> {
  for (let i = 0; i < 400; i += 1) {
    const value = await read();
    if (done(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`gave up waiting for ${what}`);
}
const deliveriesOf = (webhookId: string) =>
  db.webhookDelivery.findMany({ where: { webhookId }, include: { attemptLog: { orderBy: { attempt: "asc" } } }, orderBy: { createdAt: "asc" } });

describe("webhooks on the job queue", () => {
  it("filing a Sev1 while the only receiver hangs answers while that receiver still holds the first delivery's request", async () => {
    const hook = await db.webhook.create({ data: { url: `${hanging.origin}/hook`, events: ["incident.sev1_filed"], format: "json", secret: "s".repeat(32) } });
    // An attempt may take a minute: nothing below can be explained by a timeout.
    await startWorker({ timeoutMs: 60_000 });
    await fileSev1();
    await until(
      async () => hanging.received.length,
      (count) => count >= 1,
      "the first delivery to reach the hanging receiver",
    );
    const answered = await fileSev1();
    expect(answered.severity).toBe("SEV1");
    // The first delivery's request is still open, unanswered: its attempt is not logged yet.
    expect(await db.webhookAttempt.count({ where: { delivery: { webhookId: hook.id } } })).toBe(0);
    // Let both requests go, and the retries find the webhook paused.
    await until(
      async () => hanging.received.length,
      (count) => count >= 2,
      "the second delivery to reach the hanging receiver",
    );
    await db.webhook.update({ where: { id: hook.id }, data: { pausedAt: new Date(), pausedReason: "test over" } });
    hanging.dropConnections();
  });

  it("an attempt to a receiver that hangs times out and is retried, up to the last attempt", async () => {
    const hook = await db.webhook.create({ data: { url: `${hanging.origin}/hook`, events: ["incident.sev1_filed"], format: "json", secret: "s".repeat(32) } });
    await startWorker();
    await fileSev1();
    const [delivery] = await until(
      () => deliveriesOf(hook.id),
      (rows) => rows[0]?.status === "FAILED",
      "the delivery to fail after its attempts",
    );
    expect(delivery!.attemptLog.map((attempt) => attempt.attempt)).toEqual([1, 2, 3]);
    expect(delivery!.attemptLog.every((attempt) => attempt.statusCode === null && /timed out/i.test(attempt.error ?? ""))).toBe(true);
    expect(delivery!.attemptLog[0]!.retryAt).not.toBeNull();
  });

  it("a delivery queued while no worker runs is sent once a worker starts", async () => {
    const hook = await db.webhook.create({
      data: { url: `${answering.origin}/hook`, events: ["incident.sev1_filed"], format: "slack", secret: "s".repeat(32) },
    });
    await fileSev1();
    expect(await deliveriesOf(hook.id)).toEqual([]);
    expect(answering.received).toHaveLength(0);
    await startWorker();
    const [delivery] = await until(
      () => deliveriesOf(hook.id),
      (rows) => rows[0]?.status === "DELIVERED",
      "the delivery after the worker started",
    );
    expect(delivery!.attemptLog.map((attempt) => attempt.statusCode)).toEqual([204]);
    expect(answering.received).toHaveLength(1);
  });
});
