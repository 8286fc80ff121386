import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changeUserRole } from "@/features/users/mutations";
import type { Actor } from "@/lib/auth/actor";
import { mintApiToken } from "@/features/tokens/mutations";
import { openRouteTestDatabase, type RouteHandler } from "@/test/route-handlers";

// A token never outranks the person who minted it: demoting them demotes it, at once.
let harness: Awaited<ReturnType<typeof openRouteTestDatabase>>;
let postService: RouteHandler;
let listIncidents: RouteHandler;
let creatorId: string;
let otherAdmin: Actor;

beforeAll(async () => {
  harness = await openRouteTestDatabase();
  const { db } = harness;
  creatorId = (await db.user.create({ data: { email: "ada@example.test", role: "ADMIN" } })).id;
  const other = await db.user.create({ data: { email: "grace@example.test", role: "ADMIN" } });
  otherAdmin = { userId: other.id, tokenId: null, label: other.email, method: "UI", role: "ADMIN" };
  await db.team.create({ data: { slug: "storefront", name: "Storefront" } });
  postService = (await import("@/app/api/v1/services/route")).POST as RouteHandler;
  listIncidents = (await import("@/app/api/v1/incidents/route")).GET as RouteHandler;
});
afterAll(() => harness.close());

const noParams = { params: Promise.resolve({}) };
let slugs = 0;
const createService = (token: string) =>
  postService(
    new Request("http://localhost/api/v1/services", {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ slug: `service-${++slugs}`, name: `Service ${slugs}`, team: "storefront" }),
    }),
    noParams,
  );
const readIncidents = (token: string) =>
  listIncidents(new Request("http://localhost/api/v1/incidents", { headers: { authorization: `Bearer ${token}` } }), noParams);
const setCreatorRole = (role: string) => changeUserRole(harness.db, { userId: creatorId, role }, otherAdmin);

describe("a token minted by a user who is later demoted", () => {
  it("acts with the creator's new role from the next request; a command-line token keeps its own", async () => {
    const creator: Actor = { userId: creatorId, tokenId: null, label: "ada@example.test", method: "UI", role: "ADMIN" };
    const minted = await mintApiToken(harness.db, { name: "ada-admin", role: "ADMIN", createdById: creatorId, actor: creator });
    const fromCli = await harness.mintToken("ADMIN", "cli-admin");
    expect((await createService(minted.token)).status).toBe(201);

    await setCreatorRole("VIEWER");
    const refused = await createService(minted.token);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ detail: expect.stringContaining("VIEWER") });
    expect((await readIncidents(minted.token)).status).toBe(200);
    expect((await createService(fromCli.token)).status).toBe(201);

    // Never above the role it was minted with, whatever its creator becomes.
    await setCreatorRole("LEAD");
    expect((await createService(minted.token)).status).toBe(201);
    const row = await harness.db.apiToken.findUniqueOrThrow({ where: { id: minted.id } });
    expect(row.role).toBe("ADMIN");
  });

  it("minted as ENGINEER by an ADMIN who becomes LEAD, still acts as ENGINEER", async () => {
    await setCreatorRole("ADMIN");
    const creator: Actor = { userId: creatorId, tokenId: null, label: "ada@example.test", method: "UI", role: "ADMIN" };
    const engineer = await mintApiToken(harness.db, { name: "ada-engineer", role: "ENGINEER", createdById: creatorId, actor: creator });
    await setCreatorRole("LEAD");
    expect((await createService(engineer.token)).status).toBe(403);
  });
});
