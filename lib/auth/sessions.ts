import { randomBytes } from "node:crypto";
import type { Database } from "@/lib/db/client";
import type { Role } from "./permissions";
import { sessionPolicy } from "./session-policy";

export type SessionUser = { id: string; email: string; name: string | null; role: Role };

/** Records a new signed-in session in PostgreSQL; the browser's token carries only its id. */
export async function openSession(db: Database, userId: string, now = new Date()): Promise<string> {
  const sessionToken = randomBytes(32).toString("base64url");
  await db.session.create({
    data: { sessionToken, userId, createdAt: now, lastSeenAt: now, expires: new Date(now.getTime() + sessionPolicy().maxMs) },
  });
  return sessionToken;
}

// Touching lastSeenAt on every request would write on every page view; once a minute is enough.
const TOUCH_AFTER_MS = 60_000;

/**
 * The user behind a session, or null when the session was closed, has passed its absolute
 * end or its idle limit, or its user was deactivated. Checked on every request, so signing
 * out or deactivating a user takes effect at once on every app instance.
 */
export async function resolveSession(db: Database, sessionToken: string, now = new Date()): Promise<SessionUser | null> {
  const session = await db.session.findUnique({
    where: { sessionToken },
    select: { id: true, expires: true, lastSeenAt: true, user: { select: { id: true, email: true, name: true, role: true, active: true } } },
  });
  if (!session || !session.user.active) return null;
  const idle = now.getTime() - session.lastSeenAt.getTime() > sessionPolicy().idleMs;
  if (session.expires <= now || idle) {
    await db.session.deleteMany({ where: { id: session.id } });
    return null;
  }
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
    await db.session.updateMany({ where: { id: session.id }, data: { lastSeenAt: now } });
  }
  const { id, email, name, role } = session.user;
  return { id, email, name, role };
}

export async function closeSession(db: Database, sessionToken: string): Promise<void> {
  await db.session.deleteMany({ where: { sessionToken } });
}
