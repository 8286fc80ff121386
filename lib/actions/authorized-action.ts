import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { currentUiActor } from "@/lib/auth/current-actor";
import { can, type Permission } from "@/lib/auth/permissions";
import { ForbiddenError } from "@/lib/errors";

/**
 * Wraps a server action so that it authenticates and authorises itself before it runs,
 * whoever calls it and however: a hidden button is never the guard.
 */
export function authorizedAction<Args extends unknown[], Result>(
  permission: Permission,
  handler: (actor: Actor, ...args: Args) => Promise<Result>,
): (...args: Args) => Promise<Result> {
  return async (...args: Args) => {
    const actor = await currentUiActor();
    if (!can(actor.role, permission)) throw new ForbiddenError(`Your role (${actor.role}) may not ${permission}`);
    return handler(actor, ...args);
  };
}
