import { NextResponse, type NextRequest } from "next/server";
import { allowedMethods, methodNotAllowed } from "@/lib/http/method-not-allowed";

/**
 * Sets a per-request Content-Security-Policy with a script nonce (Next.js applies the nonce
 * to its own scripts when it sees this header) and passes the path on for sign-in redirects.
 * It grants nothing: every page, action and route checks the session itself. A method a route
 * handler does not export gets a 405 problem+json with Allow here, as Next.js's own 405 has
 * an empty body and no Allow header.
 */
export function proxy(request: NextRequest) {
  const allow = allowedMethods(request.nextUrl.pathname);
  if (allow && !allow.includes(request.method)) return methodNotAllowed(request.method, allow);
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const development = process.env.NODE_ENV !== "production";
  const policy = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    // Inline style attributes (charts, React) cannot carry a nonce.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    // Single sign-on posts to our own route, which redirects to the identity provider.
    `form-action 'self'${process.env.OIDC_ISSUER ? ` ${new URL(process.env.OIDC_ISSUER).origin}` : ""}`,
    "frame-ancestors 'none'",
  ].join("; ");
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", policy);
  requestHeaders.set("x-request-path", request.nextUrl.pathname + request.nextUrl.search);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", policy);
  return response;
}

/**
 * A CSV upload to the import skips the proxy: Next.js buffers a body for the proxy and passes
 * on only its first 10 MB, and an import streams files of any size to the route. Every other
 * request, a CSV body elsewhere included, goes through it. (The matcher must be literal: Next.js
 * reads it from the source.)
 */
export const config = {
  matcher: [
    { source: "/((?!_next/static|_next/image|favicon.ico).*)", missing: [{ type: "header", key: "content-type", value: "text/csv.*" }] },
    { source: "/((?!_next/static|_next/image|favicon.ico|api/v1/incidents/import).*)", has: [{ type: "header", key: "content-type", value: "text/csv.*" }] },
  ],
};
