import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authenticateBearer } from "@/lib/auth/api-tokens";
import { can, type Permission } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { ForbiddenError, UnauthenticatedError } from "@/lib/errors";
import { MalformedJsonError, problemFromError } from "./problem";

/** The second argument Next.js passes a route handler of a dynamic segment. */
export type ParamsContext<Params> = { params: Promise<Params> };

/**
 * Wraps a /api/v1 route handler: the Bearer token is the only credential it accepts (no
 * cookies, and no header set by a proxy can stand in for it), the token's role must hold
 * `permission`, and whatever the handler throws becomes an application/problem+json answer.
 * No answer may be stored by a browser or a shared cache: each depends on the token.
 */
export function apiRoute<Context = unknown>(
  permission: Permission,
  handler: (request: Request, actor: Actor, context: Context) => Promise<Response>,
): (request: Request, context: Context) => Promise<Response> {
  return async (request, context) => {
    try {
      const authorization = request.headers.get("authorization");
      const actor = await authenticateBearer(db, authorization, new Date());
      if (!actor) {
        throw new UnauthenticatedError(
          authorization
            ? "The API token is not valid: it is unknown, revoked, or malformed."
            : "An API token is required: send Authorization: Bearer <token>.",
        );
      }
      if (!can(actor.role, permission)) throw new ForbiddenError(`The token's role (${actor.role}) may not ${permission}.`);
      return noStore(await handler(request, actor, context));
    } catch (error) {
      return problemFromError(error, `${request.method} ${new URL(request.url).pathname}`);
    }
  };
}

function noStore(response: Response): Response {
  try {
    response.headers.set("cache-control", "no-store");
    return response;
  } catch {
    // A response whose headers are immutable: copy it.
    const copy = new Response(response.body, response);
    copy.headers.set("cache-control", "no-store");
    return copy;
  }
}

/** The request's JSON body; a body that is not JSON is a 400 of its own. */
export async function readJson(request: Request): Promise<unknown> {
  const text = await request.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new MalformedJsonError();
  }
}
