import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type Database } from "@/lib/db/client";
import { findFreePort } from "@/lib/db/embedded-postgres";
import { untilQueryRuns } from "@/test/activity";
import { useTestDatabase } from "@/test/database";
import { isDatabaseUnavailable } from "./unavailable";

// The errors are provoked, not written by hand: what Prisma 7 with adapter-pg really throws.
// The file's database; the clients below are its own, with their own pool and timeouts.
const { url } = useTestDatabase();
let db: Database;

beforeAll(async () => {
  // Long enough to open a connection on a loaded machine; a wait for a busy one still times out.
  db = createPrismaClient({ url: url(), poolMax: 1, connectTimeoutMs: 1_000 });
  await db.user.count();
});
afterAll(async () => {
  await db.$disconnect();
});

const thrownBy = async (work: () => Promise<unknown>): Promise<unknown> => {
  try {
    await work();
  } catch (error) {
    return error;
  }
  throw new Error("expected the work to fail");
};

describe("isDatabaseUnavailable", () => {
  it("recognises a refused connection, from a model query, a raw query and a transaction", async () => {
    const nowhere = createPrismaClient({ url: `postgresql://nobody:nothing@127.0.0.1:${await findFreePort()}/none`, connectTimeoutMs: 300 });
    try {
      expect(isDatabaseUnavailable(await thrownBy(() => nowhere.user.count()))).toBe(true);
      expect(isDatabaseUnavailable(await thrownBy(() => nowhere.$queryRaw`SELECT 1`))).toBe(true);
      expect(isDatabaseUnavailable(await thrownBy(() => nowhere.$transaction(async (tx) => tx.user.count())))).toBe(true);
    } finally {
      await nowhere.$disconnect();
    }
  });

  it("recognises a pool with no free connection within the connect timeout", async () => {
    const holder = db.$queryRaw`SELECT pg_sleep(2.5)::text`.then(() => "done");
    await untilQueryRuns(url(), "pg_sleep(2.5)");
    const waiting = await thrownBy(() => db.user.count());
    expect(String(waiting)).toContain("timeout exceeded when trying to connect");
    expect(isDatabaseUnavailable(waiting)).toBe(true);
    expect(isDatabaseUnavailable(await thrownBy(() => db.$transaction(async (tx) => tx.user.count())))).toBe(true);
    expect(await holder).toBe("done");
  });

  it("recognises a connection the server terminated", async () => {
    const other = createPrismaClient({ url: url(), poolMax: 1 });
    try {
      const victim = other.$queryRaw`SELECT pg_sleep(5)::text`.catch((error: unknown) => error);
      await untilQueryRuns(url(), "pg_sleep(5)");
      await db.$executeRaw`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND query LIKE '%pg_sleep(5)%'`;
      const error = await victim;
      expect(isDatabaseUnavailable(error)).toBe(true);
    } finally {
      await other.$disconnect();
    }
  });

  it("does not mistake a query's own failure for an outage", async () => {
    await db.team.create({ data: { slug: "dup", name: "Dup" } });
    expect(isDatabaseUnavailable(await thrownBy(() => db.team.create({ data: { slug: "dup", name: "Dup" } })))).toBe(false);
    expect(isDatabaseUnavailable(await thrownBy(() => db.$queryRaw`SELECT * FROM no_such_table`))).toBe(false);
    expect(isDatabaseUnavailable(await thrownBy(() => db.$queryRaw`SELECT 1/0`))).toBe(false);
    expect(isDatabaseUnavailable(new Error("boom"))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
  });
});
