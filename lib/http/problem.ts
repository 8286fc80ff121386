import { ConflictError, ForbiddenError, NotFoundError, RuleViolationError, StaleVersionError, UnauthenticatedError, ValidationError } from "@/lib/errors";
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from "@/lib/db/unavailable";
import type { FieldErrors } from "@/lib/validation";

export const PROBLEM_CONTENT_TYPE = "application/problem+json";

/** A request body that is not JSON at all (HTTP 400). */
export class MalformedJsonError extends Error {
  constructor() {
    super("body is not valid JSON");
  }
}

/** A request body over the limit (HTTP 413), refused before it is parsed. */
export class PayloadTooLargeError extends Error {
  constructor(readonly limitBytes: number) {
    super(`the request body is larger than the limit of ${limitBytes} bytes`);
  }
}

/** A write whose body is not declared as JSON (HTTP 415). */
export class UnsupportedMediaTypeError extends Error {
  constructor(readonly contentType: string | null) {
    super(`the body must be sent as application/json${contentType ? `, not ${contentType}` : " (no Content-Type was sent)"}`);
  }
}

/**
 * An RFC 9457 problem document. With the default type "about:blank" the title is the HTTP
 * status phrase, and `detail` says what went wrong with this request.
 */
export function problem(status: number, title: string, detail?: string, extra: Record<string, unknown> = {}): Response {
  const body = { type: "about:blank", title, status, ...(detail === undefined ? {} : { detail }), ...extra };
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": PROBLEM_CONTENT_TYPE, "cache-control": "no-store" },
  });
}

/** The field-by-field list of a validation problem: [{ field, messages }]. */
export const fieldList = (errors: FieldErrors) => Object.entries(errors).map(([field, messages]) => ({ field, messages }));

/** 503 or 429 with Retry-After: the same request may succeed if sent again after `retryAfterSeconds`. */
export function retryLaterProblem(status: 429 | 503, detail: string, retryAfterSeconds: number): Response {
  const response = problem(status, status === 429 ? "Too Many Requests" : "Service Unavailable", detail);
  response.headers.set("retry-after", String(retryAfterSeconds));
  return response;
}

/**
 * The problem for an error thrown while serving a request. Errors the domain throws on
 * purpose map to their status; an unreachable database or a full pool is a 503 with
 * Retry-After; anything else is logged with `context` and hidden behind a 500.
 */
export function problemFromError(error: unknown, context = "API request"): Response {
  if (error instanceof MalformedJsonError) return problem(400, "Bad Request", error.message);
  if (error instanceof PayloadTooLargeError) return problem(413, "Content Too Large", error.message, { limitBytes: error.limitBytes });
  if (error instanceof UnsupportedMediaTypeError) {
    const response = problem(415, "Unsupported Media Type", error.message);
    response.headers.set("accept-post", "application/json");
    return response;
  }
  if (error instanceof ValidationError) {
    return problem(400, "Bad Request", "The request has invalid fields; see errors.", { errors: fieldList(error.fieldErrors) });
  }
  if (error instanceof UnauthenticatedError) {
    const response = problem(401, "Unauthorized", error.message);
    response.headers.set("www-authenticate", 'Bearer realm="ops-review"');
    return response;
  }
  if (error instanceof ForbiddenError) return problem(403, "Forbidden", error.message);
  if (error instanceof NotFoundError) return problem(404, "Not Found", error.message);
  if (error instanceof StaleVersionError) {
    return problem(409, "Conflict", error.message, { currentVersion: error.current.version, yourVersion: error.yourVersion, current: error.current });
  }
  if (error instanceof ConflictError) return problem(409, "Conflict", error.message, error.fieldErrors ? { errors: fieldList(error.fieldErrors) } : {});
  if (error instanceof RuleViolationError) {
    return problem(422, "Unprocessable Content", "The request breaks a rule between fields; see errors.", { errors: fieldList(error.fieldErrors) });
  }
  if (isDatabaseUnavailable(error)) {
    console.error(`${context}: database unavailable`, error);
    return retryLaterProblem(503, "The database is unavailable right now; try again shortly.", DATABASE_RETRY_AFTER_SECONDS);
  }
  console.error(`${context} failed`, error);
  return problem(500, "Internal Server Error", "The server could not complete the request; try again, and report it if it keeps happening.");
}
