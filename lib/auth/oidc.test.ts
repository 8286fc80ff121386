import { afterAll, describe, expect, it, vi } from "vitest";
import { useTestDatabase } from "@/test/database";
import { oidcProvider, userForOidcIdentity } from "./oidc";

const { db } = useTestDatabase({ poolMax: 2 });
afterAll(() => {
  vi.unstubAllEnvs();
});

describe("single sign-on", () => {
  it("is offered only when issuer, client id and secret are all set", () => {
    vi.stubEnv("OIDC_ISSUER", "https://login.example.test/realms/eng");
    vi.stubEnv("OIDC_CLIENT_ID", "ops-review");
    vi.stubEnv("OIDC_CLIENT_SECRET", "");
    expect(oidcProvider()).toBeNull();
    vi.stubEnv("OIDC_CLIENT_SECRET", "s3cret");
    expect(oidcProvider()).toMatchObject({
      id: "oidc",
      wellKnown: "https://login.example.test/realms/eng/.well-known/openid-configuration",
      checks: ["pkce", "state"],
    });
  });

  it("creates a new user with the configured default role and links the identity", async () => {
    vi.stubEnv("OIDC_DEFAULT_ROLE", "ENGINEER");
    const user = await userForOidcIdentity(db, { subject: "sub-1", email: "New.Person@Example.test", name: "New Person" });
    expect(user).toMatchObject({ email: "new.person@example.test", role: "ENGINEER" });
    expect(await db.account.count({ where: { provider: "oidc", providerAccountId: "sub-1", userId: user!.id } })).toBe(1);
  });

  it("defaults new users to VIEWER", async () => {
    vi.stubEnv("OIDC_DEFAULT_ROLE", undefined);
    expect(await userForOidcIdentity(db, { subject: "sub-2", email: "reader@example.test", name: null })).toMatchObject({ role: "VIEWER" });
  });

  it("keeps an existing user's role, links once, and refuses a deactivated user", async () => {
    const lead = await db.user.create({ data: { email: "lead@example.test", role: "LEAD" } });
    expect(await userForOidcIdentity(db, { subject: "sub-3", email: "lead@example.test", name: "Lead" })).toMatchObject({ id: lead.id, role: "LEAD" });
    expect(await userForOidcIdentity(db, { subject: "sub-3", email: "lead@example.test", name: "Lead" })).toMatchObject({ id: lead.id });
    expect(await db.account.count({ where: { userId: lead.id } })).toBe(1);
    await db.user.update({ where: { id: lead.id }, data: { active: false } });
    expect(await userForOidcIdentity(db, { subject: "sub-3", email: "lead@example.test", name: "Lead" })).toBeNull();
  });
});
