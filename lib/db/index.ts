import "server-only";
import { serverEnv } from "@/lib/env";
import { createPrismaClient, type Database } from "./client";
import { replicaUrlOf } from "./replica";

const globalForDb = globalThis as unknown as { opsReviewDb?: Database; opsReviewReplica?: Database | null };

function connect(url: string): Database {
  const env = serverEnv();
  return createPrismaClient({ url, poolMax: env.DATABASE_POOL_MAX, connectTimeoutMs: env.DATABASE_CONNECT_TIMEOUT_MS });
}

function instance(): Database {
  globalForDb.opsReviewDb ??= connect(serverEnv().DATABASE_URL);
  return globalForDb.opsReviewDb;
}

/**
 * The one Prisma client of the app process on the primary, connected on first use (never at
 * build time, when no database is configured) and kept across hot reloads in development.
 * Every write and every read that must see a write reads here.
 */
export const db: Database = new Proxy({} as Database, {
  get(_target, property) {
    const client = instance();
    const value: unknown = Reflect.get(client, property);
    return typeof value === "function" ? value.bind(client) : value;
  },
});

/**
 * The client for reads that tolerate a few seconds of replication lag (dashboards, lists,
 * the CSV export): a client on its own pool to DATABASE_REPLICA_URL when that is set, else
 * the primary's. A call site picks it explicitly; nothing is routed behind its back.
 */
export function readDb(): Database {
  if (globalForDb.opsReviewReplica === undefined) {
    const url = replicaUrlOf(process.env);
    globalForDb.opsReviewReplica = url ? connect(url) : null;
  }
  return globalForDb.opsReviewReplica ?? db;
}
