import { ROUTE_ACCESS } from "@/lib/auth/route-access";
import { problem } from "./problem";

type RoutePattern = { pattern: RegExp; allow: string[] };

// "/api/v1/incidents/[id]" → /^\/api\/v1\/incidents\/[^/]+$/; "[...x]" takes the rest of the path.
function patternOf(route: string): RegExp {
  const segments = route
    .split("/")
    .slice(1)
    .map((segment) => {
      if (/^\[\.\.\..+\]$/.test(segment)) return ".+";
      if (/^\[.+\]$/.test(segment)) return "[^/]+";
      return segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    });
  return new RegExp(`^/${segments.join("/")}$`);
}

/**
 * The methods each route handler answers: those its module exports, as listed in
 * ROUTE_ACCESS (its test keeps the list equal to the exports), plus HEAD for a GET and
 * OPTIONS, which Next.js implements itself.
 */
const ROUTE_METHODS: RoutePattern[] = [...new Set(ROUTE_ACCESS.filter((r) => r.kind === "api").map((r) => r.route))].map((route) => {
  const exported = ROUTE_ACCESS.filter((r) => r.route === route && r.kind === "api").flatMap((r) => r.methods ?? []);
  const implied = exported.includes("GET") ? ["HEAD", "OPTIONS"] : ["OPTIONS"];
  return { pattern: patternOf(route), allow: [...new Set([...exported, ...implied])].sort() };
});

/** The methods the route handler at `pathname` answers, or null when no route handler serves it. */
export function allowedMethods(pathname: string): string[] | null {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, "") : pathname;
  return ROUTE_METHODS.find((route) => route.pattern.test(path))?.allow ?? null;
}

/** 405 as problem+json with the Allow header; Next.js's own 405 has neither body nor Allow. */
export function methodNotAllowed(method: string, allow: string[]): Response {
  const response = problem(405, "Method Not Allowed", `${method} is not supported here; use ${allow.join(", ")}.`, { allow });
  response.headers.set("allow", allow.join(", "));
  return response;
}
