import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, inject } from "vitest";
import { createPrismaClient, type Database } from "@/lib/db/client";
import { createDatabase, dropDatabase } from "@/scripts/scratch-database";

export type TestDatabase = { url: string; drop(): Promise<void> };

/** A new database on the test server: a copy of the migrated template, or empty with `migrate: false`. */
export async function createTestDatabase(options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const adminUrl = inject("adminDatabaseUrl");
  const name = `test_${randomBytes(6).toString("hex")}`;
  const url = await createDatabase(adminUrl, name, options.migrate === false ? undefined : inject("migratedTemplate"));
  return { url, drop: () => dropDatabase(adminUrl, name) };
}

type UseTestDatabase = {
  /** The file's client; usable from the first test (or a later beforeAll) on. */
  db: Database;
  /** The database's connection URL, for code that opens connections of its own. */
  url(): string;
};

/**
 * Gives a test file a migrated database of its own and a client on it, made before its tests
 * and dropped after them: `const { db } = useTestDatabase();`. `seed` runs once, after the
 * migrations, for data every test of the file reads.
 */
export function useTestDatabase(options: { poolMax?: number; migrate?: boolean; seed?: (db: Database) => Promise<unknown> } = {}): UseTestDatabase {
  let testDb: TestDatabase | undefined;
  let client: Database | undefined;
  beforeAll(async () => {
    testDb = await createTestDatabase({ migrate: options.migrate });
    client = createPrismaClient({ url: testDb.url, poolMax: options.poolMax ?? 4 });
    if (options.seed) await options.seed(client);
  });
  afterAll(async () => {
    await client?.$disconnect();
    await testDb?.drop();
  });
  const current = (): Database => {
    if (!client) throw new Error("useTestDatabase: the database is made in beforeAll; use it inside a test or hook");
    return client;
  };
  const db = new Proxy({} as Database, {
    get(_target, property) {
      const instance = current();
      const value: unknown = Reflect.get(instance, property);
      return typeof value === "function" ? value.bind(instance) : value;
    },
  });
  return {
    db,
    url: () => {
      if (!testDb) throw new Error("useTestDatabase: the database is made in beforeAll; use it inside a test or hook");
      return testDb.url;
    },
  };
}
