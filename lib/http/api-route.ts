import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authenticateBearer } from "@/lib/auth/api-tokens";
import { can, type Permission } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { ForbiddenError, UnauthenticatedError } from "@/lib/errors";
import { serverEnv } from "@/lib/env";
import { MalformedJsonError, PayloadTooLargeError, problemFromError, UnsupportedMediaTypeError } from "./problem";

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
          authorization ? "The API token is not valid: it is unknown, revoked, or malformed." : "An API token is required: send Authorization: Bearer <token>.",
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

/** Bodies up to this many bytes are read; the changes endpoints, which carry commit messages, allow more. */
export const bodyLimit = (kind: "default" | "changes" = "default") =>
  kind === "changes" ? serverEnv().CHANGE_BODY_LIMIT_BYTES : serverEnv().API_BODY_LIMIT_BYTES;

// application/json or a +json type, in UTF-8 (the only encoding JSON may be exchanged in).
const JSON_TYPE = /^application\/([a-z0-9.+-]+\+)?json\s*(;\s*charset="?utf-8"?\s*)?$/i;

/** The body as text, refused with a 413 as soon as it passes `limit` bytes (an announced length or not). */
export async function readCapped(request: Request, limit: number): Promise<string> {
  const reader = request.body?.getReader();
  if (!reader) return "";
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new PayloadTooLargeError(limit);
    }
    chunks.push(value);
  }
  return new TextDecoder("utf-8", { fatal: false }).decode(Buffer.concat(chunks));
}

/**
 * The request's JSON body. A content type other than JSON is a 415, a body over the limit a
 * 413 (refused from Content-Length before anything is read, and counted while reading when
 * the length is not announced), and a body that is not JSON at all a 400 of its own.
 */
export async function readJson(request: Request, options: { limitBytes?: number } = {}): Promise<unknown> {
  const type = request.headers.get("content-type");
  if (!type || !JSON_TYPE.test(type.trim())) throw new UnsupportedMediaTypeError(type);
  const limit = options.limitBytes ?? bodyLimit();
  const announced = Number(request.headers.get("content-length") ?? NaN);
  if (Number.isFinite(announced) && announced > limit) throw new PayloadTooLargeError(limit);
  const text = await readCapped(request, limit);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new MalformedJsonError();
  }
}
