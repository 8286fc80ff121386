// Runs the queue's jobs: one worker pool per process, listening for new jobs (LISTEN/NOTIFY) and
// polling for due retries. Jobs are taken with FOR UPDATE SKIP LOCKED, so two processes never
// run one job twice.
import { run, type TaskList } from "graphile-worker";
import { queueLogger } from "./queue";

export type JobWorker = { stop(): Promise<void> };

export type JobWorkerOptions = {
  databaseUrl: string;
  tasks: TaskList;
  /** graphile-worker crontab lines, e.g. `0 * * * * webhooks:tick ?fill=1h&max=3`. */
  crontab?: string;
  /** Jobs run at once in this process (default 4). */
  concurrency?: number;
  /** How often due jobs (retries) are looked for, in ms (default 1000). */
  pollInterval?: number;
  log?: (line: string) => void;
};

export async function startJobWorker(options: JobWorkerOptions): Promise<JobWorker> {
  const concurrency = options.concurrency ?? 4;
  const runner = await run({
    connectionString: options.databaseUrl,
    maxPoolSize: concurrency + 2,
    concurrency,
    pollInterval: options.pollInterval ?? 1000,
    taskList: options.tasks,
    crontab: options.crontab ?? "",
    noHandleSignals: true,
    logger: queueLogger(options.log),
  });
  let stopped: Promise<void> | null = null;
  return { stop: () => (stopped ??= runner.stop()) };
}
