import "server-only";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import type { Actor } from "./actor";
import { currentUiActor } from "./current-actor";
import { can, type Permission } from "./permissions";

/** The path of this request, set by proxy.ts, so sign-in can send the user back. */
async function requestPath(): Promise<string> {
  return (await headers()).get("x-request-path") ?? "/";
}

/**
 * Every page calls this first: the anonymous are sent to sign in, and a signed-in user whose
 * role is too low gets the 403 page. The proxy adds no protection of its own.
 */
export async function requirePageActor(permission: Permission): Promise<Actor> {
  const actor = await currentUiActor();
  if (!actor) redirect(`/sign-in?callbackUrl=${encodeURIComponent(await requestPath())}`);
  if (!can(actor.role, permission)) forbidden();
  return actor;
}
