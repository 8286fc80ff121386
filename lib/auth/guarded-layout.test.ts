import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROUTE_ACCESS } from "./route-access";

// Derived from the file tree: a new page behind sign-in fails here until it has its skeleton,
// and a skeleton fails until the checks that set the page's status run above it.
const root = process.cwd();
const pages = readdirSync(path.join(root, "app"), { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile() && entry.name === "page.tsx")
  .map((entry) => path.relative(root, entry.parentPath));

const routeOf = (dir: string) =>
  `/${dir
    .split(path.sep)
    .slice(1)
    .filter((s) => !/^\(.*\)$/.test(s))
    .join("/")}`;
const isPublic = (dir: string) => ROUTE_ACCESS.some((r) => r.kind === "page" && r.route === routeOf(dir) && r.access === "public");
const read = (file: string) => (existsSync(path.join(root, file)) ? readFileSync(path.join(root, file), "utf8") : "");

/** The layouts that wrap a page's loading.tsx: those of every folder from app/ down to the page's own. */
function layoutsAbove(dir: string): string[] {
  const parts = dir.split(path.sep);
  return parts.map((_, i) => read(path.join(...parts.slice(0, i + 1), "layout.tsx"))).filter(Boolean);
}

describe("pages behind sign-in", () => {
  const signedIn = pages.filter((dir) => !isPublic(dir));

  it("are found (the list is not empty)", () => {
    expect(signedIn.length).toBeGreaterThan(10);
  });

  it.each(signedIn)("%s has a loading.tsx beside it", (dir) => {
    expect(existsSync(path.join(root, dir, "loading.tsx"))).toBe(true);
  });

  it.each(signedIn)("%s: a layout above its skeleton checks the visitor, so a redirect or a 403 keeps its status", (dir) => {
    expect(layoutsAbove(dir).some((source) => /guardedLayout\(|requirePageActor\(/.test(source))).toBe(true);
  });

  it.each(signedIn.filter((dir) => /notFound\(\)/.test(read(path.join(dir, "page.tsx")))))(
    "%s: what it may not find is looked for above its skeleton too, so a missing record is a 404",
    (dir) => {
      expect(layoutsAbove(dir).some((source) => /notFound\(\)/.test(source))).toBe(true);
    },
  );
});

describe("guardedLayout", () => {
  it("refuses a route that is not a signed-in page of the access list", async () => {
    const { guardedLayout } = await import("./guarded-layout");
    expect(() => guardedLayout("/no-such-page")).toThrow(/not a signed-in page/);
    expect(() => guardedLayout("/sign-in")).toThrow(/not a signed-in page/);
    expect(guardedLayout("/dashboard")).toBeTypeOf("function");
  });
});
