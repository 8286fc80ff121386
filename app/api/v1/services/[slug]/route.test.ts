import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "@/lib/auth/permissions";
import type { Database } from "@/lib/db/client";
import { openRouteTestDatabase, type RouteHandler } from "@/test/route-handlers";

// PATCH /api/v1/services/{slug} and the team endpoints, called as Next.js calls them, on a real database.
let harness: Awaited<ReturnType<typeof openRouteTestDatabase>>;
let db: Database;
let tokens: Record<Role, { id: string; token: string }>;
let patchService: RouteHandler;
let postTeam: RouteHandler;
let patchTeam: RouteHandler;

beforeAll(async () => {
  harness = await openRouteTestDatabase();
  db = harness.db;
  const storefront = await db.team.create({ data: { slug: "storefront", name: "Storefront" } });
  await db.team.create({ data: { slug: "platform", name: "Platform" } });
  await db.service.createMany({ data: ["cart", "search", "pricing"].map((slug) => ({ slug, name: slug, teamId: storefront.id })) });
  tokens = await harness.mintTokens(["ENGINEER", "LEAD"]);
  patchService = (await import("./route")).PATCH as RouteHandler;
  postTeam = (await import("@/app/api/v1/teams/route")).POST as RouteHandler;
  patchTeam = (await import("@/app/api/v1/teams/[slug]/route")).PATCH as RouteHandler;
});
afterAll(() => harness.close());

const send = (handler: RouteHandler, method: string, path: string, role: Role, body: unknown, slug = "") =>
  handler(
    new Request(`http://localhost${path}`, {
      method,
      headers: { authorization: `Bearer ${tokens[role].token}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    }),
    {
      params: Promise.resolve({ slug }),
    },
  );
const patch = (slug: string, role: Role, body: unknown) => send(patchService, "PATCH", `/api/v1/services/${slug}`, role, body, slug);

type Problem = { detail?: string; errors?: { field: string; messages: string[] }[]; currentVersion?: number; current?: { version: number; sloTarget: number } };
async function expectProblem(response: Response, status: number): Promise<Problem> {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toBe("application/problem+json");
  return (await response.json()) as Problem;
}
const state = async () => ({ services: await db.service.findMany({ orderBy: { slug: "asc" } }), audit: await db.auditEvent.count() });

describe("PATCH /api/v1/services/{slug}", () => {
  it("answers 200 with the edited service, audited as the token", async () => {
    const response = await patch("cart", "LEAD", { version: 1, name: "Cart", team: "platform", sloTarget: 0.9995 });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ slug: "cart", team: { slug: "platform", name: "Platform" }, sloTarget: 0.9995, version: 2, retiredAt: null });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "service.update" } });
    expect(audit).toMatchObject({ method: "API", actorTokenId: tokens.LEAD.id });
  });

  it("answers a stale version with 409, the current version and service, writing nothing", async () => {
    expect((await patch("search", "LEAD", { version: 1, sloTarget: 0.995 })).status).toBe(200);
    const before = await state();
    const body = await expectProblem(await patch("search", "LEAD", { version: 1, sloTarget: 0.99 }), 409);
    expect(body).toMatchObject({ currentVersion: 2, current: { version: 2, sloTarget: 0.995 } });
    expect(await state()).toEqual(before);
  });

  it("answers a bad field with 400 naming it, a rule broken with 422, writing nothing", async () => {
    const before = await state();
    const bad = await expectProblem(await patch("pricing", "LEAD", { version: 1, sloTarget: 99.9, colour: "red" }), 400);
    expect(bad.errors?.map((e) => e.field).sort()).toEqual(["colour", "sloTarget"]);
    await db.team.create({ data: { slug: "retired-team", name: "Old team", retiredAt: new Date() } });
    const rule = await expectProblem(await patch("pricing", "LEAD", { version: 1, team: "retired-team" }), 422);
    expect(rule.errors?.map((e) => e.field)).toEqual(["team"]);
    expect((await state()).services).toEqual(before.services);
  });

  it("answers an unknown slug with 404 and an ENGINEER token with 403, writing nothing", async () => {
    const before = await state();
    expect((await expectProblem(await patch("nothing", "LEAD", { version: 1, name: "Nothing" }), 404)).detail).toContain("nothing");
    await expectProblem(await patch("pricing", "ENGINEER", { version: 1, name: "Prices" }), 403);
    expect(await state()).toEqual(before);
  });
});

describe("the team endpoints", () => {
  it("POST creates a team with 201 and answers its slug again with 409 naming slug", async () => {
    const created = await send(postTeam, "POST", "/api/v1/teams", "LEAD", { slug: "payments", name: "Payments" });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ slug: "payments", name: "Payments", version: 1, retiredAt: null });
    const duplicate = await expectProblem(await send(postTeam, "POST", "/api/v1/teams", "LEAD", { slug: "payments", name: "Other" }), 409);
    expect(duplicate.errors?.map((e) => e.field)).toEqual(["slug"]);
    await expectProblem(await send(postTeam, "POST", "/api/v1/teams", "ENGINEER", { slug: "risk", name: "Risk" }), 403);
  });

  it("PATCH refuses to retire a team with active services (422 naming them), then retires an empty one", async () => {
    const refused = await expectProblem(await send(patchTeam, "PATCH", "/api/v1/teams/storefront", "LEAD", { version: 1, retired: true }, "storefront"), 422);
    expect(refused.errors?.[0]).toMatchObject({ field: "retired" });
    expect(refused.errors?.[0]?.messages[0]).toMatch(/pricing/);
    const empty = await send(patchTeam, "PATCH", "/api/v1/teams/payments", "LEAD", { version: 1, retired: true }, "payments");
    expect(empty.status).toBe(200);
    expect(await empty.json()).toMatchObject({ version: 2, retiredAt: expect.any(String) });
    await expectProblem(await send(patchTeam, "PATCH", "/api/v1/teams/payments", "LEAD", { version: 1, retired: false }, "payments"), 409);
  });
});
