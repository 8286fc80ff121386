import "server-only";
import { serverEnv } from "@/lib/env";
import { createPrismaClient, type Database } from "./client";

const globalForDb = globalThis as unknown as { opsReviewDb?: Database };

function instance(): Database {
  if (!globalForDb.opsReviewDb) {
    const env = serverEnv();
    globalForDb.opsReviewDb = createPrismaClient({
      url: env.DATABASE_URL,
      poolMax: env.DATABASE_POOL_MAX,
      connectTimeoutMs: env.DATABASE_CONNECT_TIMEOUT_MS,
    });
  }
  return globalForDb.opsReviewDb;
}

/**
 * The one Prisma client of the app process, connected on first use (never at build time,
 * when no database is configured) and kept across hot reloads in development.
 */
export const db: Database = new Proxy({} as Database, {
  get(_target, property) {
    const client = instance();
    const value: unknown = Reflect.get(client, property);
    return typeof value === "function" ? value.bind(client) : value;
  },
});
