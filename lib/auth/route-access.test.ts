import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "./actor";
import { ROLES, can, type Role } from "./permissions";
import { ROUTE_ACCESS } from "./route-access";

const root = process.cwd();

function filesUnder(dir: string, match: (name: string) => boolean): string[] {
  return readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && match(entry.name))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)));
}

/** "app/incidents/[reference]/page.tsx" → "/incidents/[reference]"; route groups "(x)" vanish. */
function routeOf(file: string): string {
  const segments = path
    .dirname(file)
    .split(path.sep)
    .slice(1)
    .filter((s) => !/^\(.*\)$/.test(s));
  return `/${segments.join("/")}`;
}

describe("every route has an entry in the access list", () => {
  const pages = filesUnder("app", (n) => n === "page.tsx")
    .map(routeOf)
    .sort();
  const handlers = filesUnder("app", (n) => n === "route.ts").map((f) => ({ route: routeOf(f), file: f }));

  it("lists exactly the pages that exist", () => {
    expect(
      ROUTE_ACCESS.filter((r) => r.kind === "page")
        .map((r) => r.route)
        .sort(),
    ).toEqual(pages);
  });

  it("lists exactly the route handlers that exist, with their HTTP methods", () => {
    const declared = ROUTE_ACCESS.filter((r) => r.kind === "api");
    expect([...new Set(declared.map((r) => r.route))].sort()).toEqual(handlers.map((h) => h.route).sort());
    for (const handler of handlers) {
      const source = readFileSync(path.join(root, handler.file), "utf8");
      const exported = [...source.matchAll(/export (?:async function|const) (GET|POST|PATCH|PUT|DELETE)\b|export \{([^}]*)\}/g)]
        .flatMap((m) =>
          m[1]
            ? [m[1]]
            : (m[2] ?? "").split(",").map(
                (part) =>
                  part
                    .trim()
                    .split(/\s+as\s+/)
                    .pop() ?? "",
              ),
        )
        .filter((name) => /^(GET|POST|PATCH|PUT|DELETE)$/.test(name))
        .sort();
      // A route may have one entry per permission (GET to read, POST to create); together they name every method once.
      const methods = declared.filter((r) => r.route === handler.route).flatMap((r) => r.methods ?? []);
      expect(exported, handler.route).toEqual([...methods].sort());
    }
  });
});

// Server actions: every exported action is guarded, and the guard follows the permission table.
const actor = vi.hoisted(() => ({ current: null as Actor | null }));
vi.mock("@/lib/auth/current-actor", () => ({ currentUiActor: async () => actor.current, currentSessionUser: async () => null }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const actionFiles = filesUnder("features", (n) => n.endsWith(".ts") && !n.endsWith(".test.ts")).filter((f) => f.split(path.sep).includes("actions"));

describe("server actions", () => {
  beforeEach(() => {
    actor.current = null;
  });

  it("exist (the list below is not empty)", () => {
    expect(actionFiles.length).toBeGreaterThan(0);
  });

  it.each(actionFiles)("%s: every export is an authorised action, refused to the anonymous and to roles below its permission", async (file) => {
    const { actionPermissions } = await import("@/lib/actions/authorized-action");
    const exported = (await import(path.join(root, file))) as Record<string, unknown>;
    const actions = Object.entries(exported).filter(([, value]) => typeof value === "function") as [string, (...args: unknown[]) => Promise<unknown>][];
    expect(actions.length, file).toBeGreaterThan(0);
    for (const [name, action] of actions) {
      const permission = actionPermissions.get(action);
      expect(permission, `${file} ${name} is not wrapped in authorizedAction`).toBeDefined();
      await expect(action(undefined, new FormData()), `${name} anonymous`).rejects.toThrow(/Sign in first/);
      for (const role of ROLES as readonly Role[]) {
        actor.current = { userId: null, tokenId: null, label: `${role.toLowerCase()}@example.test`, method: "UI", role };
        const outcome = await action(undefined, new FormData()).then(
          () => "ran",
          (error: unknown) => (error instanceof Error && /may not/.test(error.message) ? "forbidden" : "ran"),
        );
        expect(outcome, `${name} as ${role}`).toBe(can(role, permission!) ? "ran" : "forbidden");
      }
    }
  });
});
