import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { watchPool } from "./pool-watch";

export type Database = ReturnType<typeof createPrismaClient>;

/** A Prisma client on its own pg pool, with limits set explicitly (adapter-pg has no connect timeout by default). */
export function createPrismaClient(options: { url: string; poolMax?: number; connectTimeoutMs?: number }) {
  const pool = watchPool(
    new pg.Pool({
      connectionString: options.url,
      max: options.poolMax ?? 10,
      connectionTimeoutMillis: options.connectTimeoutMs ?? 5_000,
      idleTimeoutMillis: 30_000,
    }),
  );
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  return new PrismaClient({
    adapter,
    // Secrets never leave the database unless a query asks for them by name.
    omit: { user: { passwordHash: true }, apiToken: { tokenHash: true }, pagerDutySettings: { signingSecrets: true } },
  });
}
