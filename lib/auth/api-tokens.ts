import { createHash } from "node:crypto";
import type { Database } from "@/lib/db/client";
import type { Actor } from "./actor";
import { lowerRole, type Role } from "./permissions";

export const TOKEN_PREFIX = "opr_";
/** "opr_" and 32 random bytes in base64url (43 characters, no padding). */
const TOKEN_SHAPE = /^opr_[A-Za-z0-9_-]{43}$/;
// Writing lastUsedAt on every request would turn each API read into a write; once a minute is enough.
const TOUCH_AFTER_MS = 60_000;

export const hashApiToken = (token: string): string => createHash("sha256").update(token).digest("hex");

/**
 * The actor behind an `Authorization: Bearer opr_…` header, or null when the header is
 * missing or malformed, or the token is unknown, revoked, or belongs to a deactivated user.
 * A token acts with at most its creator's current role: demote the user and their tokens
 * act with the new role from the next request (a token minted on the command line has no
 * creator and keeps its role).
 */
export async function authenticateBearer(db: Database, authorization: string | null, now = new Date()): Promise<Actor | null> {
  const match = /^Bearer +(\S+) *$/i.exec(authorization ?? "");
  const token = match?.[1];
  if (!token || !TOKEN_SHAPE.test(token)) return null;
  // One round trip for the token and its creator (a relation select would be two).
  const [row] = await db.$queryRaw<TokenRow[]>`
    SELECT t.id, t.name, t.role::text AS role, t.revoked_at AS "revokedAt", t.last_used_at AS "lastUsedAt", t.created_by_id AS "createdById",
           u.active AS "creatorActive", u.role::text AS "creatorRole"
    FROM api_tokens t LEFT JOIN users u ON u.id = t.created_by_id
    WHERE t.token_hash = ${hashApiToken(token)}`;
  if (!row || row.revokedAt || (row.createdById && row.creatorActive === false)) return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > TOUCH_AFTER_MS) {
    const stale = new Date(now.getTime() - TOUCH_AFTER_MS);
    // Conditional, so concurrent requests with the same token write at most once.
    await db.apiToken.updateMany({
      where: { id: row.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: stale } }] },
      data: { lastUsedAt: now },
    });
  }
  const role = row.creatorRole ? lowerRole(row.role, row.creatorRole) : row.role;
  return { userId: row.createdById, tokenId: row.id, label: row.name, method: "API", role };
}

type TokenRow = {
  id: string;
  name: string;
  role: Role;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  createdById: string | null;
  /** Null when the token has no creator (minted on the command line). */
  creatorActive: boolean | null;
  creatorRole: Role | null;
};
