import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { currentUiActor } from "@/lib/auth/current-actor";
import { can, type Permission } from "@/lib/auth/permissions";
import { ForbiddenError, UnauthenticatedError } from "@/lib/errors";
import { REFUSED_ACTION_DIGEST } from "./refusal";

/** The permission each server action demands, so a test can check that none goes unguarded. */
export const actionPermissions = new WeakMap<(...args: never[]) => unknown, Permission>();

/**
 * Wraps a server action so that it authenticates and authorises itself before it runs,
 * whoever calls it and however: a hidden button is never the guard. A refusal carries a
 * digest of its own, so the page says what happened instead of showing a server error.
 */
export function authorizedAction<Args extends unknown[], Result>(
  permission: Permission,
  handler: (actor: Actor, ...args: Args) => Promise<Result>,
): (...args: Args) => Promise<Result> {
  const action = async (...args: Args) => {
    const actor = await currentUiActor();
    if (!actor) throw Object.assign(new UnauthenticatedError("Sign in first: your session has ended."), { digest: REFUSED_ACTION_DIGEST.signedOut });
    if (!can(actor.role, permission)) {
      throw Object.assign(new ForbiddenError(`Your role (${actor.role}) may not ${permission}.`), { digest: REFUSED_ACTION_DIGEST.forbidden });
    }
    return handler(actor, ...args);
  };
  actionPermissions.set(action, permission);
  return action;
}
