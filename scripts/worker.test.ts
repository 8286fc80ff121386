import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startTestReceiver } from "@/features/webhooks/delivery/test-receiver";
import { recordEvent } from "@/lib/jobs/events";
import { useTestDatabase } from "@/test/database";
import { runsInProcessWorker } from "./job-worker";

const { db, url } = useTestDatabase();

/** `npm run worker`'s process: exits with its code. */
function startWorkerProcess(env: Record<string, string>): { child: ChildProcess; exited: Promise<number | null> } {
  const child = spawn(process.execPath, [path.join("node_modules", "tsx", "dist", "cli.mjs"), "scripts/worker.ts"], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "ignore", "inherit"],
  });
  return { child, exited: new Promise((resolve) => child.on("exit", (code) => resolve(code))) };
}

describe("npm run worker", () => {
  const receiverStarted = startTestReceiver(() => ({ status: 200 }));
  afterAll(async () => (await receiverStarted).close());

  it("runs the webhook jobs on its own, and stops cleanly on SIGTERM", async () => {
    const receiver = await receiverStarted;
    const hook = await db.webhook.create({ data: { url: `${receiver.origin}/hook`, events: ["review.digest"], format: "json", secret: "w".repeat(32) } });
    // Queued before the worker exists: it is taken once the worker starts.
    await recordEvent(db, { type: "webhook.test", subject: { webhookId: hook.id }, webhookId: hook.id });
    const worker = startWorkerProcess({ DATABASE_URL: url(), WEBHOOK_ALLOW_PRIVATE_NETWORKS: "1", NEXTAUTH_URL: "https://ops.example.com" });
    for (let i = 0; i < 600 && (await db.webhookDelivery.count({ where: { status: "DELIVERED" } })) === 0; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(receiver.received).toHaveLength(1);
    expect(JSON.parse(receiver.received[0]!.body)).toMatchObject({ type: "webhook.test" });
    worker.child.kill("SIGTERM");
    expect(await worker.exited).toBe(0);
  }, 60_000);

  it("refuses to start without DATABASE_URL", async () => {
    const worker = startWorkerProcess({ DATABASE_URL: "" });
    expect(await worker.exited).toBe(2);
  }, 30_000);

  it("OPS_REVIEW_WORKER=0 keeps the app's process from running one", () => {
    expect(runsInProcessWorker({})).toBe(true);
    expect(runsInProcessWorker({ OPS_REVIEW_WORKER: "0" })).toBe(false);
  });
});
