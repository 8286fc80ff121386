import { importIncidentsCsv } from "@/features/incidents/import/mutations";
import { parseImportMapping } from "@/features/incidents/import/schemas";
import type { Actor } from "@/lib/auth/actor";
import { authenticateBearer } from "@/lib/auth/api-tokens";
import { currentUiActor } from "@/lib/auth/current-actor";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { ForbiddenError, UnauthenticatedError, ValidationError } from "@/lib/errors";
import { PayloadTooLargeError, problem, problemFromError } from "@/lib/http/problem";
import { searchParamsOf } from "@/lib/http/query";
import { addFieldError, type FieldErrors } from "@/lib/validation";

export const dynamic = "force-dynamic";

/** The largest CSV file read: 100 000 rows of the export take about 40 MB. */
const IMPORT_MAX_BYTES = 128 * 1024 * 1024;

/**
 * The caller: a bearer token when one is sent (and then only it), else the signed-in
 * browser's session, for a request from this site only (a cross-site form or fetch is a 403).
 */
async function importActor(request: Request): Promise<Actor> {
  const authorization = request.headers.get("authorization");
  if (authorization) {
    const actor = await authenticateBearer(db, authorization, new Date());
    if (!actor) throw new UnauthenticatedError("The API token is not valid: it is unknown, revoked, or malformed.");
    return actor;
  }
  const actor = await currentUiActor();
  if (!actor) throw new UnauthenticatedError("Sign in first, or send Authorization: Bearer <token>.");
  const origin = request.headers.get("origin");
  const host = request.headers.get("host") ?? new URL(request.url).host;
  let sameSite = false;
  try {
    sameSite = origin !== null && new URL(origin).host === host;
  } catch {
    sameSite = false;
  }
  if (!sameSite || request.headers.get("sec-fetch-site") === "cross-site") {
    throw new ForbiddenError("A signed-in browser may import only from this site's own pages (the Origin header must be this host).");
  }
  return actor;
}

/** dryRun (exactly "true" or "false", required) and mapping (JSON), nothing else. */
function importParameters(request: Request) {
  const params = searchParamsOf(request);
  const errors: FieldErrors = {};
  for (const name of new Set(params.keys())) {
    if (name !== "dryRun" && name !== "mapping") addFieldError(errors, name, "is not a parameter of the import: use dryRun and mapping");
    else if (params.getAll(name).length > 1) addFieldError(errors, name, "is given more than once");
  }
  const dryRun = params.get("dryRun");
  if (dryRun !== "true" && dryRun !== "false") addFieldError(errors, "dryRun", 'is required: "true" to check the file and write nothing, "false" to import it');
  const mappingText = params.get("mapping");
  const mapping = mappingText === null ? { mapping: {} } : parseImportMapping(mappingText);
  if ("errors" in mapping) addFieldError(errors, "mapping", ...mapping.errors);
  if (Object.keys(errors).length > 0 || "errors" in mapping) throw new ValidationError(errors);
  return { dryRun: dryRun === "true", mapping: mapping.mapping };
}

/** A body that ended before its Content-Length: a server in front cut it short. */
class BodyCutShortError extends Error {}

/**
 * The body, cut off with a 413 once it passes `limit` bytes, and failing when it ends short of
 * its Content-Length: the app's proxy passes on only the first 10 MB of a body (Next.js's
 * proxyClientMaxBodySize), and a file cut at a line end would otherwise import in part.
 */
function checkedBody(body: ReadableStream<Uint8Array>, limit: number, announced: number): ReadableStream<Uint8Array> {
  let size = 0;
  return body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        size += chunk.byteLength;
        if (size > limit) controller.error(new PayloadTooLargeError(limit));
        else controller.enqueue(chunk);
      },
      flush(controller) {
        if (Number.isFinite(announced) && size < announced) {
          controller.error(
            new BodyCutShortError(`only ${size} of the file's ${announced} bytes arrived: the file is larger than this server accepts; split it`),
          );
        }
      },
    }),
  );
}

/**
 * Imports incidents from a CSV file (docs/integrations.md, "CSV import"): 200 with what was
 * read, imported and skipped, and every problem by line and column.
 */
export async function POST(request: Request): Promise<Response> {
  try {
    const actor = await importActor(request);
    if (!can(actor.role, "incident:create")) throw new ForbiddenError(`The role ${actor.role} may not import incidents.`);
    const options = importParameters(request);
    const type = request.headers.get("content-type");
    if (!type || !/^text\/csv\s*(;.*)?$/i.test(type.trim())) {
      const response = problem(415, "Unsupported Media Type", `the body must be sent as text/csv${type ? `, not ${type}` : " (no Content-Type was sent)"}`);
      response.headers.set("accept-post", "text/csv");
      return response;
    }
    const announced = Number(request.headers.get("content-length") ?? NaN);
    if (Number.isFinite(announced) && announced > IMPORT_MAX_BYTES) throw new PayloadTooLargeError(IMPORT_MAX_BYTES);
    const body = request.body ?? new ReadableStream<Uint8Array>({ start: (controller) => controller.close() });
    const result = await importIncidentsCsv(db, checkedBody(body, IMPORT_MAX_BYTES, announced), options, actor);
    return Response.json(result, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    if (error instanceof BodyCutShortError) return problem(413, "Content Too Large", error.message);
    return problemFromError(error, "POST /api/v1/incidents/import");
  }
}
