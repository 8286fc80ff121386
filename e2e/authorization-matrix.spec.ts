import { expect, request, test, type APIRequestContext } from "@playwright/test";
import { ROLES, can, type Role } from "@/lib/auth/permissions";
import { ROUTE_ACCESS } from "@/lib/auth/route-access";
import { mintToken } from "./cli";
import { queryAppDatabase } from "./db";
import { bearer } from "./fixtures/api";
import { storageStateOf } from "./roles";

// Generated from the permission table and the route list: a route added without an entry
// fails lib/auth/route-access.test.ts, and every entry is exercised here for every role.
const who: (Role | "anonymous")[] = ["anonymous", ...ROLES];
let reference = "";

test.beforeAll(async () => {
  reference = (await queryAppDatabase<{ reference: string }>("SELECT reference FROM incidents ORDER BY started_at DESC LIMIT 1"))[0]!.reference;
});

const samplePath = (route: string) =>
  route
    .replace(/^\/teams\/\[slug\]/, "/teams/storefront")
    .replace("[reference]", reference)
    .replace("[id]", reference)
    .replace("[...nextauth]", "providers")
    .replace("[slug]", "checkout-api")
    .replace("[week]", "2026-W10");

async function contextFor(actor: Role | "anonymous"): Promise<APIRequestContext> {
  return request.newContext({
    baseURL: process.env.E2E_BASE_URL,
    storageState: actor === "anonymous" ? undefined : storageStateOf(actor),
  });
}

for (const entry of ROUTE_ACCESS.filter((r) => r.kind === "page")) {
  test(`page ${entry.route}: each role gets what the permission table says`, async () => {
    for (const actor of who) {
      const context = await contextFor(actor);
      const response = await context.get(samplePath(entry.route), { maxRedirects: 0 });
      const label = `${actor} GET ${entry.route}`;
      if (entry.access === "public") expect(response.status(), label).toBeLessThan(400);
      else if (actor === "anonymous") {
        expect(response.status(), label).toBe(307);
        expect(response.headers().location, label).toContain("/sign-in?callbackUrl=");
        const trick = await context.get(samplePath(entry.route), {
          maxRedirects: 0,
          headers: { "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware" },
        });
        expect(trick.status(), `${label} with x-middleware-subrequest`).toBe(307);
      } else expect(response.status(), label).toBe(can(actor, entry.access) ? 200 : 403);
      await context.dispose();
    }
  });
}

test.describe("API routes take bearer tokens only", () => {
  const tokens = new Map<Role, string>();
  test.beforeAll(() => {
    for (const role of ROLES) tokens.set(role, mintToken(`matrix-${role.toLowerCase()}-${Date.now()}`, role));
  });

  for (const entry of ROUTE_ACCESS.filter((r) => r.kind === "api")) {
    for (const method of entry.methods ?? []) {
      test(`${method} ${entry.route}: each token role, no token, and header tricks`, async () => {
        const api = await contextFor("anonymous");
        const path = samplePath(entry.route);
        const call = (headers: Record<string, string>) => api.fetch(path, { method, headers, data: method === "GET" ? undefined : {}, maxRedirects: 0 });
        if (entry.access === "public") {
          expect((await call({})).status(), `${method} ${path}`).toBeLessThan(500);
          return;
        }
        expect((await call({})).status(), "no token").toBe(401);
        // Tricks that once bypassed middleware-only checks must not get past the route itself.
        const tricks: Record<string, string>[] = [
          { "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware" },
          { Authorization: "Bearer opr_forged" },
          { "x-nextjs-data": "1" },
        ];
        for (const trick of tricks) {
          expect((await call(trick)).status(), JSON.stringify(trick)).toBe(401);
        }
        for (const role of ROLES) {
          const status = (await call(bearer(tokens.get(role)!))).status();
          if (can(role, entry.access)) expect([401, 403], `${role} ${method} ${path} got ${status}`).not.toContain(status);
          else expect(status, `${role} ${method} ${path}`).toBe(403);
        }
        await api.dispose();
      });
    }
  }

  test("a browser session is not an API credential", async () => {
    const admin = await contextFor("ADMIN");
    expect((await admin.get(`/api/v1/incidents/${reference}`)).status()).toBe(401);
    await admin.dispose();
  });
});
