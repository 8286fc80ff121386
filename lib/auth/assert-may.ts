import { ForbiddenError } from "@/lib/errors";
import type { Actor } from "./actor";
import { can, type Permission } from "./permissions";

/**
 * Every mutation checks its permission first. Pages, actions and routes check it too; the
 * repetition means that no caller (a script, a test, a future route) can skip it.
 */
export function assertMay(actor: Pick<Actor, "role">, permission: Permission, what: string = permission): void {
  if (!can(actor.role, permission)) throw new ForbiddenError(`Your role (${actor.role}) may not ${what}.`);
}
