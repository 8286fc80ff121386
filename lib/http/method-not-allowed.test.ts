import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { ROUTE_ACCESS } from "@/lib/auth/route-access";
import { proxy } from "@/proxy";
import { allowedMethods } from "./method-not-allowed";
import { PROBLEM_CONTENT_TYPE } from "./problem";

const METHODS = ["GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE"];
// One concrete path per route handler: each dynamic segment filled in.
const handlerPaths = [...new Set(ROUTE_ACCESS.filter((r) => r.kind === "api").map((r) => r.route))].map((route) => ({
  route,
  path: route.replace(/\[\.\.\.[^\]]+\]/, "session/extra").replace(/\[[^\]]+\]/g, "2026-W10"),
  exported: ROUTE_ACCESS.filter((r) => r.kind === "api" && r.route === route).flatMap((r): string[] => r.methods ?? []),
}));

const send = (method: string, path: string) => proxy(new NextRequest(`http://localhost${path}`, { method }));

describe("a method a route handler does not export", () => {
  const refused = handlerPaths.flatMap(({ route, path, exported }) =>
    METHODS.filter((m) => !exported.includes(m) && !(m === "HEAD" && exported.includes("GET")) && m !== "OPTIONS").map((method) => ({
      route,
      path,
      method,
      exported,
    })),
  );

  it("exists for every route (the table below is not empty)", () => {
    expect(refused.length).toBeGreaterThan(handlerPaths.length);
  });

  it.each(refused)("$method $route: 405 problem+json with Allow", async ({ path, method, exported }) => {
    const response = send(method, path);
    expect(response.status).toBe(405);
    expect(response.headers.get("content-type")).toBe(PROBLEM_CONTENT_TYPE);
    const allow = (response.headers.get("allow") ?? "").split(", ");
    expect(allow).toEqual(expect.arrayContaining([...exported, "OPTIONS"]));
    expect(allow).not.toContain(method);
    const body = (await response.json()) as { type: string; title: string; status: number; detail: string; allow: string[] };
    expect(body).toMatchObject({ type: "about:blank", title: "Method Not Allowed", status: 405, allow });
    expect(body.detail).toContain(method);
  });
});

describe("the methods a route handler answers", () => {
  const answered = handlerPaths.flatMap(({ route, path, exported }) =>
    [...exported, ...(exported.includes("GET") ? ["HEAD"] : []), "OPTIONS"].map((method) => ({ route, path, method })),
  );

  it.each(answered)("$method $route passes on to the handler", ({ path, method }) => {
    expect(send(method, path).status).not.toBe(405);
  });

  it("Allow is the exported methods, HEAD with a GET, and OPTIONS", () => {
    expect(allowedMethods("/api/v1/incidents")).toEqual(["GET", "HEAD", "OPTIONS", "POST"]);
    expect(allowedMethods("/api/v1/incidents/INC-1/")).toEqual(["GET", "HEAD", "OPTIONS", "PATCH"]);
    expect(allowedMethods("/api/v1/services")).toEqual(["OPTIONS", "POST"]);
    expect(allowedMethods("/reviews/2026-W10/agenda.md")).toEqual(["GET", "HEAD", "OPTIONS"]);
    expect(allowedMethods("/api/auth/callback/oidc")).toEqual(["GET", "HEAD", "OPTIONS", "POST"]);
  });

  it("pages and unknown paths are left alone (a page's POST is a server action)", () => {
    for (const path of [
      "/",
      "/incidents",
      "/incidents/INC-1",
      "/reviews/2026-W10",
      "/reviews/2026-W10/agendaXmd",
      "/api/v1/nothing-here",
      "/api/v1/incidents/INC-1/extra",
    ]) {
      expect(allowedMethods(path), path).toBeNull();
      expect(send("POST", path).status, path).not.toBe(405);
    }
  });
});
