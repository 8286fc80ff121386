import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

export type Database = ReturnType<typeof createPrismaClient>;

/** A Prisma client on its own pg pool, with limits set explicitly (adapter-pg has no connect timeout by default). */
export function createPrismaClient(options: { url: string; poolMax?: number; connectTimeoutMs?: number }) {
  const adapter = new PrismaPg({
    connectionString: options.url,
    max: options.poolMax ?? 10,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5_000,
    idleTimeoutMillis: 30_000,
  });
  return new PrismaClient({
    adapter,
    // Secrets never leave the database unless a query asks for them by name.
    omit: { user: { passwordHash: true }, apiToken: { tokenHash: true } },
  });
}
