import type { Task } from "graphile-worker";
import { afterEach, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/database";
import { addJob } from "./queue";
import { startJobWorker, type JobWorker } from "./worker";

const { db, url } = useTestDatabase();
const running: JobWorker[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((worker) => worker.stop()));
});

/** A task that notes which job ran it and in which worker, in a table of the test's own. */
const noting =
  (worker: string): Task =>
  async (payload, helpers) => {
    await helpers.withPgClient((client) => client.query("INSERT INTO job_runs (n, worker) VALUES ($1, $2)", [(payload as { n: number }).n, worker]));
  };

async function start(name: string): Promise<JobWorker> {
  const worker = await startJobWorker({ databaseUrl: url(), tasks: { "test.note": noting(name) }, concurrency: 3, pollInterval: 100 });
  running.push(worker);
  return worker;
}

async function waitForRuns(count: number): Promise<{ n: number; worker: string }[]> {
  for (let i = 0; i < 300; i += 1) {
    const rows = await db.$queryRaw<{ n: number; worker: string }[]>`SELECT n, worker FROM job_runs ORDER BY n`;
    if (rows.length >= count) return rows;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`fewer than ${count} jobs ran`);
}

describe("the job queue", () => {
  it("two workers on one database run each of 200 jobs exactly once", async () => {
    await db.$executeRaw`CREATE TABLE job_runs (n int NOT NULL, worker text NOT NULL)`;
    await Promise.all([start("a"), start("b")]);
    await db.$transaction(async (tx) => {
      for (let n = 1; n <= 200; n += 1) await addJob(tx, "test.note", { n });
    });
    const runs = await waitForRuns(200);
    // Let any second run of a job show up before counting.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const again = await db.$queryRaw<{ n: number }[]>`SELECT n FROM job_runs`;
    expect(again).toHaveLength(200);
    expect(new Set(runs.map((run) => run.n)).size).toBe(200);
    expect(new Set(runs.map((run) => run.worker))).toEqual(new Set(["a", "b"]));
    await db.$executeRaw`DROP TABLE job_runs`;
  });

  it("a job added while no worker runs, or in a transaction that then rolled back, is kept or dropped with it", async () => {
    await db.$executeRaw`CREATE TABLE job_runs (n int NOT NULL, worker text NOT NULL)`;
    const before = await start("before");
    await before.stop();
    await addJob(db, "test.note", { n: 1 });
    await db
      .$transaction(async (tx) => {
        await addJob(tx, "test.note", { n: 2 });
        throw new Error("the change failed");
      })
      .catch(() => {});
    // The process that added the job is gone; a new one takes it up.
    await start("after restart");
    expect(await waitForRuns(1)).toEqual([{ n: 1, worker: "after restart" }]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await db.$queryRaw`SELECT n FROM job_runs`).toHaveLength(1);
    await db.$executeRaw`DROP TABLE job_runs`;
  });
});
