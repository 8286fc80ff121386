// The background worker: the webhook jobs and their hourly schedule on the PostgreSQL job queue.
// `npm start` runs one inside the app's process (scripts/serve.ts); `npm run worker` runs one
// alone (scripts/worker.ts). Any number may run against one database: each job runs once.
import { createPrismaClient } from "../lib/db/client";
import { startJobWorker, type JobWorker } from "../lib/jobs/worker";
import { webhookRuntimeFromEnv } from "../features/webhooks/runtime";
import { WEBHOOK_CRONTAB, webhookTasks } from "../features/webhooks/tasks";

/** OPS_REVIEW_WORKER=0 keeps the app's process from running jobs (workers run on their own). */
export const runsInProcessWorker = (env: Record<string, string | undefined> = process.env): boolean => env.OPS_REVIEW_WORKER !== "0";

export async function startAppWorker(databaseUrl: string, log: (line: string) => void = (line) => console.warn(line)): Promise<JobWorker> {
  const db = createPrismaClient({ url: databaseUrl, poolMax: 4 });
  // The queue listens for new jobs (LISTEN), which a transaction-mode pooler cannot carry.
  const queueUrl = process.env.WORKER_DATABASE_URL || databaseUrl;
  const worker = await startJobWorker({ databaseUrl: queueUrl, tasks: webhookTasks(webhookRuntimeFromEnv(db)), crontab: WEBHOOK_CRONTAB, log });
  return {
    stop: async () => {
      await worker.stop();
      await db.$disconnect();
    },
  };
}
