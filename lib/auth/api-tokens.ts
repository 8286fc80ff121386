import { auditEventData } from "@/lib/audit";
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import type { Database } from "@/lib/db/client";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { fieldErrorsOf } from "@/lib/validation";
import type { Actor } from "./actor";
import { lowerRole, ROLES, type Role } from "./permissions";

const TOKEN_PREFIX = "opr_";
/** "opr_" and 32 random bytes in base64url (43 characters, no padding). */
const TOKEN_SHAPE = /^opr_[A-Za-z0-9_-]{43}$/;
// Writing lastUsedAt on every request would turn each API read into a write; once a minute is enough.
const TOUCH_AFTER_MS = 60_000;

export const apiTokenInputSchema = z.object({
  name: z.string().trim().min(1, { message: "is required" }).max(100, { message: "must be at most 100 characters" }),
  role: z.enum(ROLES, { error: `must be one of ${ROLES.join(", ")}` }),
});

export const hashApiToken = (token: string): string => createHash("sha256").update(token).digest("hex");

/**
 * Mints a token and records who did it; only its sha256 is stored, so the token returned
 * here is the one and only time anyone sees it.
 */
export async function mintApiToken(
  db: Database,
  input: { name: string; role: string; createdById: string | null; actor: Actor },
): Promise<{ id: string; token: string }> {
  const parsed = apiTokenInputSchema.safeParse({ name: input.name, role: input.role });
  if (!parsed.success) throw new ValidationError(fieldErrorsOf(parsed.error));
  const { name, role } = parsed.data;
  const token = TOKEN_PREFIX + randomBytes(32).toString("base64url");
  const prefix = token.slice(TOKEN_PREFIX.length, TOKEN_PREFIX.length + 8);
  const id = await db.$transaction(async (tx) => {
    const created = await tx.apiToken.create({
      data: { name, role, prefix, tokenHash: hashApiToken(token), createdById: input.createdById },
      select: { id: true },
    });
    await tx.auditEvent.create({
      data: auditEventData(input.actor, { action: "token.create", entityType: "ApiToken", entityId: created.id, changes: { created: { name, role, prefix, createdById: input.createdById } } }),
    });
    return created.id;
  });
  return { id, token };
}

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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Revokes a token at once on every app instance; revoking a revoked token changes nothing. */
export async function revokeApiToken(db: Database, id: string, actor: Actor, now = new Date()): Promise<{ id: string; name: string; revokedAt: Date }> {
  if (!UUID.test(id)) throw new NotFoundError(`No API token with id "${id}".`);
  return db.$transaction(async (tx) => {
    const token = await tx.apiToken.findUnique({ where: { id }, select: { id: true, name: true, revokedAt: true } });
    if (!token) throw new NotFoundError(`No API token with id "${id}".`);
    if (token.revokedAt) return { id, name: token.name, revokedAt: token.revokedAt };
    const { count } = await tx.apiToken.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: now } });
    if (count === 1) {
      await tx.auditEvent.create({
        data: auditEventData(actor, { action: "token.revoke", entityType: "ApiToken", entityId: id, changes: { revokedAt: { from: null, to: now.toISOString() } } }),
      });
    }
    return { id, name: token.name, revokedAt: now };
  });
}

export type ApiTokenSummary = {
  id: string;
  name: string;
  prefix: string;
  role: Role;
  /** The role it acts with now: its own, or its creator's if that is lower. */
  actsAs: Role;
  createdBy: string | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

/** Every token, newest first, for the admin page and the command line; never the hash. */
export async function listApiTokens(db: Database): Promise<ApiTokenSummary[]> {
  const rows = await db.apiToken.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    select: { id: true, name: true, prefix: true, role: true, createdAt: true, lastUsedAt: true, revokedAt: true, createdBy: { select: { email: true, role: true } } },
  });
  return rows.map(({ createdBy, ...row }) => ({ ...row, actsAs: createdBy ? lowerRole(row.role, createdBy.role) : row.role, createdBy: createdBy?.email ?? null }));
}

