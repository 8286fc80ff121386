// The production server's answer when the database cannot serve a request: 503 with
// Retry-After, never a 500 and never an error page sent as a 200 that it could still avoid.
import type http from "node:http";
import { databaseOverloaded, trackDatabaseTrouble, type DatabaseTrouble } from "../db/pool-watch";
import { DATABASE_RETRY_AFTER_SECONDS } from "../db/unavailable";
import { securityHeaders } from "./security-headers";

type Handler = (request: http.IncomingMessage, response: http.ServerResponse) => unknown;

const BUSY_DETAIL =
  "Ops Review is busy: every database connection is in use and requests are queued for them. Nothing was changed. Try again in a few seconds.";

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A page that needs nothing but itself: no script, no stylesheet, no database. */
export function busyPage(path: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Busy · Ops Review</title><meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#0f172a}a{display:inline-block;margin-top:.5rem;padding:.4rem .8rem;border-radius:.375rem;background:#4f46e5;color:#fff;font-weight:600;text-decoration:none}</style>
</head><body><main role="alert"><h1>Ops Review is busy</h1>
<p>Too many requests are waiting for the database right now, so this page was not loaded. Nothing was changed, and what was saved before stays saved.</p>
<p>Try again in ${DATABASE_RETRY_AFTER_SECONDS} seconds.</p>
<a href="${escapeHtml(path)}">Try again</a></main></body></html>`;
}

const isApi = (path: string) => path === "/api" || path.startsWith("/api/");

type Senders = Pick<http.ServerResponse, "writeHead" | "end">;

/** Answers 503 on `response` (nothing sent yet): problem+json for the API, the busy page for anything else. */
function sendBusy(request: http.IncomingMessage, response: http.ServerResponse, { writeHead, end }: Senders): void {
  const path = request.url ?? "/";
  const api = isApi(path);
  const body = api ? JSON.stringify({ type: "about:blank", title: "Service Unavailable", status: 503, detail: BUSY_DETAIL }) : busyPage(path);
  for (const name of response.getHeaderNames()) response.removeHeader(name);
  for (const { key, value } of securityHeaders) response.setHeader(key, value);
  response.setHeader("content-type", api ? "application/problem+json" : "text/html; charset=utf-8");
  response.setHeader("retry-after", String(DATABASE_RETRY_AFTER_SECONDS));
  response.setHeader("cache-control", "no-store");
  response.setHeader("content-security-policy", "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'");
  writeHead.call(response, 503);
  (end as (this: http.ServerResponse, chunk?: string) => void).call(response, request.method === "HEAD" ? undefined : body);
}

/**
 * Before the first byte of a 500 leaves, turns it into a 503 with Retry-After when the
 * request's database work failed: the busy page (or problem) for a pool that had no free
 * connection in time, the app's own error page with a 503 status for an unreachable database.
 */
function answerTroubleInsteadOf500(request: http.IncomingMessage, response: http.ServerResponse, trouble: () => DatabaseTrouble | undefined): void {
  const { write, end, flushHeaders, writeHead } = response;
  let replaced = false;
  const intercept = (): boolean => {
    if (replaced || response.headersSent || response.statusCode !== 500) return replaced;
    const found = trouble();
    if (found === "busy") {
      replaced = true;
      sendBusy(request, response, { writeHead, end });
    } else if (found === "down") {
      response.statusCode = 503;
      response.setHeader("retry-after", String(DATABASE_RETRY_AFTER_SECONDS));
    }
    return replaced;
  };
  // Next.js sends headers through flushHeaders() before its first write, or writeHead(), or the first write or end.
  response.flushHeaders = () => void (intercept() || flushHeaders.call(response));
  response.writeHead = ((status: number, ...rest: unknown[]) => {
    if (!response.headersSent && !replaced) response.statusCode = status;
    if (intercept()) return response;
    const headers = rest.filter((arg) => typeof arg !== "string"); // the reason phrase follows the status
    return (writeHead as (this: http.ServerResponse, ...args: unknown[]) => http.ServerResponse).call(response, response.statusCode, ...headers);
  }) as typeof writeHead;
  response.write = ((...args: Parameters<typeof write>) => (intercept() ? true : write.apply(response, args))) as typeof write;
  response.end = ((...args: Parameters<typeof end>) => (intercept() ? response : end.apply(response, args))) as typeof end;
}

/** Requests that never wait for the database: the build's static files and the health check, which reports on it. */
const passesThrough = (path: string) => path.startsWith("/_next/static/") || path === "/api/health" || path.startsWith("/api/health?");

/**
 * Wraps the server's request handler: while the database is overloaded (a wait for a
 * connection just timed out and the queue is still as long as the pool) a new request gets
 * 503 at once instead of joining the queue, and a request whose database work failed gets
 * 503 instead of 500. A failure after a page began streaming cannot change its status: the
 * page's own error boundary shows it.
 */
export function answeringDatabaseTrouble(handler: Handler): Handler {
  return (request, response) => {
    const path = request.url ?? "/";
    if (passesThrough(path)) return handler(request, response);
    if (databaseOverloaded()) return sendBusy(request, response, response);
    const tracked = trackDatabaseTrouble();
    answerTroubleInsteadOf500(request, response, tracked.trouble);
    return tracked.run(() => handler(request, response));
  };
}
