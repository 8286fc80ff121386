// Minting and revoking API tokens: the admin page, the command line and the tests come here.
import { randomBytes } from "node:crypto";
import { auditEventData } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { hashApiToken, TOKEN_PREFIX } from "@/lib/auth/api-tokens";
import { assertMay } from "@/lib/auth/assert-may";
import type { Database } from "@/lib/db/client";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { isUuid } from "@/lib/uuid";
import { fieldErrorsOf } from "@/lib/validation";
import { apiTokenInputSchema } from "./schemas";

/**
 * Mints a token and records who did it; only its sha256 is stored, so the token returned
 * here is the one and only time anyone sees it.
 */
export async function mintApiToken(
  db: Database,
  input: { name: string; role: string; createdById: string | null; actor: Actor },
): Promise<{ id: string; token: string }> {
  assertMay(input.actor, "token:manage", "manage API tokens");
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
      data: auditEventData(input.actor, {
        action: "token.create",
        entityType: "ApiToken",
        entityId: created.id,
        changes: { created: { name, role, prefix, createdById: input.createdById } },
      }),
    });
    return created.id;
  });
  return { id, token };
}

/** Revokes a token at once on every app instance; revoking a revoked token changes nothing. */
export async function revokeApiToken(db: Database, id: string, actor: Actor, now = new Date()): Promise<{ id: string; name: string; revokedAt: Date }> {
  assertMay(actor, "token:manage", "manage API tokens");
  if (!isUuid(id)) throw new NotFoundError(`No API token with id "${id}".`);
  return db.$transaction(async (tx) => {
    const token = await tx.apiToken.findUnique({ where: { id }, select: { id: true, name: true, revokedAt: true } });
    if (!token) throw new NotFoundError(`No API token with id "${id}".`);
    if (token.revokedAt) return { id, name: token.name, revokedAt: token.revokedAt };
    const { count } = await tx.apiToken.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: now } });
    if (count === 1) {
      await tx.auditEvent.create({
        data: auditEventData(actor, {
          action: "token.revoke",
          entityType: "ApiToken",
          entityId: id,
          changes: { revokedAt: { from: null, to: now.toISOString() } },
        }),
      });
    }
    return { id, name: token.name, revokedAt: now };
  });
}
