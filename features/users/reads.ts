import { sessionPolicy } from "@/lib/auth/session-policy";
import type { Role } from "@/lib/auth/permissions";
import type { Database } from "@/lib/db/client";

/** A user as the admin pages see it: never the password hash, never a raw row. */
export type UserSummary = {
  id: string;
  email: string;
  name: string | null;
  role: Role;
  active: boolean;
  createdAt: string;
  deactivatedAt: string | null;
  /** The latest successful password sign-in recorded in the audit log (`auth.sign_in`). */
  lastSignInAt: string | null;
  /** Sessions neither expired nor idle past the session policy's limit. */
  openSessions: number;
  /** The user's last change (updatedAt, epoch ms): sent back with an edit to refuse stale ones. */
  version: number;
};

/** Every user, by e-mail, with their last sign-in and their open sessions. */
export async function listUserSummaries(db: Database, now = new Date()): Promise<UserSummary[]> {
  const idleSince = new Date(now.getTime() - sessionPolicy().idleMs);
  const users = await db.user.findMany({
    orderBy: { email: "asc" },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      active: true,
      createdAt: true,
      deactivatedAt: true,
      updatedAt: true,
      _count: { select: { sessions: { where: { expires: { gt: now }, lastSeenAt: { gt: idleSince } } } } },
    },
  });
  const lastSignIns = await lastSignInByUser(
    db,
    users.map((u) => u.id),
  );
  return users.map((u) => ({
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    active: u.active,
    createdAt: u.createdAt.toISOString(),
    deactivatedAt: u.deactivatedAt?.toISOString() ?? null,
    lastSignInAt: lastSignIns.get(u.id)?.toISOString() ?? null,
    openSessions: u._count.sessions,
    version: u.updatedAt.getTime(),
  }));
}

async function lastSignInByUser(db: Database, userIds: string[]): Promise<Map<string, Date>> {
  if (userIds.length === 0) return new Map();
  const rows = await db.auditEvent.groupBy({
    by: ["actorUserId"],
    // entityType/entityId repeat the user so that the (entity_type, entity_id, occurred_at) index serves the query.
    where: { action: "auth.sign_in", actorUserId: { in: userIds }, entityType: "User", entityId: { in: userIds } },
    _max: { occurredAt: true },
  });
  const latest = new Map<string, Date>();
  for (const row of rows) if (row.actorUserId && row._max.occurredAt) latest.set(row.actorUserId, row._max.occurredAt);
  return latest;
}
