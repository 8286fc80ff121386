import type { Actor } from "@/lib/auth/actor";
import type { Prisma } from "@/lib/generated/prisma/client";

/** The row of an audit event: who acted (user or token), through which door, on what. */
export function auditEventData(
  actor: Actor,
  event: { action: string; entityType: string; entityId: string; changes?: unknown },
): Prisma.AuditEventUncheckedCreateInput {
  return {
    actorUserId: actor.userId,
    actorTokenId: actor.tokenId,
    actorLabel: actor.label,
    method: actor.method,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId,
    changes: (event.changes ?? {}) as Prisma.InputJsonValue,
  };
}
