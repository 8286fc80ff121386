import { vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { mintApiToken } from "@/features/tokens/mutations";
import type { Role } from "@/lib/auth/permissions";
import { createPrismaClient, type Database } from "@/lib/db/client";
import { createTestDatabase } from "./database";

/** A route handler as Next.js calls it. */
export type RouteHandler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

const system: Actor = { userId: null, tokenId: null, label: "test", method: "SYSTEM", role: "ADMIN" };

/**
 * A fresh database for testing route handlers: the app's own client (lib/db, which connects
 * on first use from DATABASE_URL) is pointed at it, so import the route modules after this.
 */
export async function openRouteTestDatabase() {
  const testDb = await createTestDatabase();
  const db: Database = createPrismaClient({ url: testDb.url, poolMax: 4 });
  vi.stubEnv("DATABASE_URL", testDb.url);
  return {
    db,
    /** An API token of the role, minted by a system actor. */
    mintToken: (role: Role, name = `${role.toLowerCase()}-token`) => mintApiToken(db, { name, role, createdById: null, actor: system }),
    /** API tokens of the given roles (only those roles are filled in). */
    async mintTokens(roles: readonly Role[]) {
      const tokens = {} as Record<Role, { id: string; token: string }>;
      for (const role of roles) tokens[role] = await mintApiToken(db, { name: `${role.toLowerCase()}-token`, role, createdById: null, actor: system });
      return tokens;
    },
    async close() {
      const { db: appDb } = await import("@/lib/db");
      await appDb.$disconnect();
      await db.$disconnect();
      await testDb.drop();
      vi.unstubAllEnvs();
    },
  };
}
