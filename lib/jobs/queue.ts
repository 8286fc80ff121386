// The job queue: graphile-worker's tables in the `graphile_worker` schema of the app's own
// database. A job is added with a plain SQL call inside the caller's transaction, so it exists
// exactly when the change that asked for it was committed; any number of workers, in the app's
// processes or on their own (`npm run worker`), take each job once.
import { Logger, runMigrations } from "graphile-worker";
import type { Database } from "@/lib/db/client";

type Sql = Pick<Database, "$executeRaw">;

/** A logger for the queue's library that says nothing below a warning. */
export function queueLogger(log: (line: string) => void = (line) => console.warn(line)): Logger {
  return new Logger(() => (level, message) => {
    if (level === "error" || level === "warning") log(`[jobs] ${message}`);
  });
}

/** Creates or updates the queue's schema; `applyMigrations` runs it after the app's migrations. */
export async function migrateJobQueue(databaseUrl: string): Promise<void> {
  await runMigrations({ connectionString: databaseUrl, logger: queueLogger(), maxPoolSize: 1 });
}

export type AddJobOptions = {
  /** Not before this time (a retry's backoff). */
  runAt?: Date;
  /** How many times the queue itself tries a job that throws (a database outage). */
  maxAttempts?: number;
  /** At most one pending job per key: a later add with the same key replaces it. */
  jobKey?: string;
};

/** Adds a job in the caller's transaction (or on its own when `sql` is the client). */
export async function addJob(sql: Sql, task: string, payload: Record<string, unknown>, options: AddJobOptions = {}): Promise<void> {
  await sql.$executeRaw`SELECT graphile_worker.add_job(
    ${task}::text,
    ${JSON.stringify(payload)}::json,
    run_at => ${options.runAt ?? null}::timestamptz,
    max_attempts => ${options.maxAttempts ?? 10}::int,
    job_key => ${options.jobKey ?? null}::text
  )`;
}
