import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type Database } from "@/lib/db/client";
import { findFreePort } from "@/lib/db/embedded-postgres";
import { databaseOverloaded } from "@/lib/db/pool-watch";
import { untilQueryRuns } from "@/test/activity";
import { useTestDatabase } from "@/test/database";
import { answeringDatabaseTrouble } from "./database-trouble";

// A real server in front of a real pool of one connection, held busy by a slow query.
// The file's database; the clients below are its own, with their own pool and timeouts.
const { url } = useTestDatabase();
let busyDb: Database;
let downDb: Database;
let server: http.Server;
let base = "";

/** What a page does when a read fails: Next.js answers 500 with its error page. */
const page = (database: () => Database) =>
  answeringDatabaseTrouble(async (_request, response) => {
    try {
      const count = await database().user.count();
      response.end(`users: ${count}`);
    } catch {
      response.statusCode = 500;
      response.setHeader("content-type", "text/html");
      response.flushHeaders();
      response.end("<h1>Something went wrong</h1>");
    }
  });

beforeAll(async () => {
  busyDb = createPrismaClient({ url: url(), poolMax: 1, connectTimeoutMs: 1_000 });
  downDb = createPrismaClient({ url: `postgresql://nobody:nothing@127.0.0.1:${await findFreePort()}/none`, connectTimeoutMs: 300 });
  await busyDb.user.count(); // connected and warmed up
  const busy = page(() => busyDb);
  const down = page(() => downDb);
  server = http.createServer((request, response) => (request.url?.startsWith("/down") ? down : busy)(request, response));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await busyDb.$disconnect();
  await downDb.$disconnect();
});

/** Takes the pool's one connection for `ms`, resolving once the query runs. */
async function holdTheConnection(ms: number): Promise<{ done: Promise<unknown> }> {
  const done = busyDb.$queryRaw`SELECT pg_sleep(${ms / 1000}::float8)::text`.then(() => "slept"); // a Prisma query runs once then()-ed
  await untilQueryRuns(url(), "pg_sleep");
  return { done };
}

describe("answeringDatabaseTrouble", () => {
  it("refuses new requests at once while the queue is as long as the pool and waits keep timing out", async () => {
    const held = await holdTheConnection(4_000);
    const waiting = busyDb.user.count().then(String, () => "timed out"); // queued: as many waiting as the pool has connections
    expect(databaseOverloaded()).toBe(false);
    expect(await fetch(`${base}/first`).then((r) => r.status)).toBe(503); // its own wait timed out
    await new Promise((resolve) => setTimeout(resolve, 50));
    const queued = busyDb.user.count().then(String, () => "timed out");
    await expect.poll(() => databaseOverloaded(), { timeout: 500, interval: 10 }).toBe(true);
    const started = Date.now();
    const refused = await fetch(`${base}/second`);
    expect(refused.status).toBe(503);
    expect(Date.now() - started).toBeLessThan(200); // answered without joining the queue
    await Promise.all([held.done, waiting, queued]);
    expect(databaseOverloaded()).toBe(false);
  });

  it("answers a page whose pool had no free connection in time with 503, Retry-After and the busy page, and the API with problem+json", async () => {
    const held = await holdTheConnection(2_500);
    const [pageAnswer, apiAnswer] = await Promise.all([fetch(`${base}/incidents`), fetch(`${base}/api/v1/incidents`)]);
    expect(pageAnswer.status).toBe(503);
    expect(pageAnswer.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(pageAnswer.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const html = await pageAnswer.text();
    expect(html).toContain("Ops Review is busy");
    expect(html).not.toContain("Something went wrong");
    expect(html).toContain('href="/incidents"');
    expect(apiAnswer.status).toBe(503);
    expect(apiAnswer.headers.get("content-type")).toBe("application/problem+json");
    expect(await apiAnswer.json()).toMatchObject({ status: 503, title: "Service Unavailable" });
    await held.done;
    const after = await fetch(`${base}/incidents`);
    expect(after.status).toBe(200);
    expect(await after.text()).toBe("users: 0");
  });

  it("answers a page whose database cannot be reached with 503 and Retry-After, keeping the app's own error page", async () => {
    const answer = await fetch(`${base}/down`);
    expect(answer.status).toBe(503);
    expect(answer.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(await answer.text()).toBe("<h1>Something went wrong</h1>");
  });

  it("leaves a 500 that is not the database's as it is", async () => {
    const broken = answeringDatabaseTrouble((_request, response) => {
      response.statusCode = 500;
      response.end("a bug");
    });
    const other = http.createServer(broken);
    await new Promise<void>((resolve) => other.listen(0, "127.0.0.1", resolve));
    try {
      const answer = await fetch(`http://127.0.0.1:${(other.address() as AddressInfo).port}/`);
      expect(answer.status).toBe(500);
      expect(await answer.text()).toBe("a bug");
    } finally {
      await new Promise((resolve) => other.close(resolve));
    }
  });
});
