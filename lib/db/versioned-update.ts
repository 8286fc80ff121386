import { auditEventData } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Records an edit that took an entity from `version` to the next one. The version pair in the
 * audit event lets an editor whose save conflicted find the edits made since their version.
 */
export async function auditVersionedUpdate(
  tx: Prisma.TransactionClient,
  actor: Actor,
  event: { action: string; entityType: string; entityId: string; version: number; changes: Record<string, unknown> },
): Promise<void> {
  const { version, changes, ...rest } = event;
  await tx.auditEvent.create({ data: auditEventData(actor, { ...rest, changes: { version: { from: version, to: version + 1 }, ...changes } }) });
}
