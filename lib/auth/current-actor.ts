import "server-only";
import { getServerSession } from "next-auth";
import { cache } from "react";
import { db } from "@/lib/db";
import type { Actor } from "./actor";
import { authOptions } from "./options";
import { resolveSession, type SessionUser } from "./sessions";

/** The signed-in user of this request, checked against the session row in PostgreSQL. */
export const currentSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(authOptions());
  return session?.sid ? resolveSession(db, session.sid) : null;
});

/** The actor behind a browser request, or null when nobody is signed in. */
export async function currentUiActor(): Promise<Actor | null> {
  const user = await currentSessionUser();
  return user ? { userId: user.id, tokenId: null, label: user.email, method: "UI", role: user.role } : null;
}
