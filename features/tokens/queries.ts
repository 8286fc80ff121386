import "server-only";
import { listApiTokens } from "./reads";
import { db } from "@/lib/db";

/** The tokens as the admin page shows them: instants as ISO strings, never the hash. */
export async function listTokensForAdmin() {
  const tokens = await listApiTokens(db);
  return tokens.map((t) => ({
    ...t,
    createdAt: t.createdAt.toISOString(),
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
    revokedAt: t.revokedAt?.toISOString() ?? null,
  }));
}
