import { beforeAll, describe, expect, it } from "vitest";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { useTestDatabase } from "@/test/database";
import type { Actor } from "./actor";
import { mintApiToken, revokeApiToken } from "@/features/tokens/mutations";
import { listApiTokens } from "@/features/tokens/reads";
import { authenticateBearer, hashApiToken } from "./api-tokens";

const { db } = useTestDatabase();
let admin: Actor;
const now = new Date("2026-11-24T12:00:00Z");
const later = (ms: number) => new Date(now.getTime() + ms);

beforeAll(async () => {
  const user = await db.user.create({ data: { email: "admin@example.test", role: "ADMIN" } });
  admin = { userId: user.id, tokenId: null, label: user.email, method: "UI", role: "ADMIN" };
});

const mint = (name: string, role = "ENGINEER", createdById: string | null = admin.userId) => mintApiToken(db, { name, role, createdById, actor: admin });

describe("mintApiToken", () => {
  it("returns an opr_ token once, and stores only its sha256 and a display prefix, with an audit event", async () => {
    const { id, token } = await mint("ci");
    expect(token).toMatch(/^opr_[A-Za-z0-9_-]{43}$/);
    const row = await db.apiToken.findUniqueOrThrow({ where: { id }, omit: { tokenHash: false } });
    expect(row.tokenHash).toBe(hashApiToken(token));
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.prefix).toBe(token.slice(4, 12));
    expect(row).toMatchObject({ name: "ci", role: "ENGINEER", createdById: admin.userId, lastUsedAt: null, revokedAt: null });

    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: id } });
    expect(audit).toMatchObject({ action: "token.create", entityType: "ApiToken", actorUserId: admin.userId, method: "UI" });
    expect(JSON.stringify(audit.changes)).not.toContain(token);
    expect(JSON.stringify(audit.changes)).not.toContain(row.tokenHash);
  });

  it("refuses an empty name or an unknown role, writing nothing", async () => {
    const before = await db.apiToken.count();
    await expect(mint("  ")).rejects.toBeInstanceOf(ValidationError);
    await expect(mint("x", "OWNER")).rejects.toMatchObject({ fieldErrors: { role: [expect.stringContaining("VIEWER")] } });
    expect(await db.apiToken.count()).toBe(before);
  });
});

describe("authenticateBearer", () => {
  it("acts with the token's role and name, as its creator, through the API", async () => {
    const { id, token } = await mint("pager-bridge", "LEAD");
    const actor = await authenticateBearer(db, `Bearer ${token}`, now);
    expect(actor).toEqual({ userId: admin.userId, tokenId: id, label: "pager-bridge", method: "API", role: "LEAD" });
    expect((await db.apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt).toEqual(now);
    expect(await authenticateBearer(db, `bearer ${token}`, now)).toMatchObject({ tokenId: id });
  });

  it("writes lastUsedAt at most once a minute", async () => {
    const { id, token } = await mint("busy");
    await authenticateBearer(db, `Bearer ${token}`, now);
    await authenticateBearer(db, `Bearer ${token}`, later(30_000));
    expect((await db.apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt).toEqual(now);
    await authenticateBearer(db, `Bearer ${token}`, later(61_000));
    expect((await db.apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt).toEqual(later(61_000));
  });

  it("refuses a revoked token, and revoking twice records one revocation", async () => {
    const { id, token } = await mint("old");
    const revoked = await revokeApiToken(db, id, admin, now);
    expect(revoked).toMatchObject({ id, name: "old", revokedAt: now });
    expect(await authenticateBearer(db, `Bearer ${token}`, later(1_000))).toBeNull();
    await revokeApiToken(db, id, admin, later(5_000));
    expect((await db.apiToken.findUniqueOrThrow({ where: { id } })).revokedAt).toEqual(now);
    expect(await db.auditEvent.count({ where: { entityId: id, action: "token.revoke" } })).toBe(1);
    await expect(revokeApiToken(db, "not-a-uuid", admin)).rejects.toBeInstanceOf(NotFoundError);
    await expect(revokeApiToken(db, "00000000-0000-4000-8000-000000000000", admin)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("refuses the token of a deactivated user, and accepts one minted from the command line", async () => {
    const leaver = await db.user.create({ data: { email: "leaver@example.test", role: "ADMIN" } });
    const { token } = await mint("leaver-script", "ENGINEER", leaver.id);
    expect(await authenticateBearer(db, `Bearer ${token}`, now)).not.toBeNull();
    await db.user.update({ where: { id: leaver.id }, data: { active: false, deactivatedAt: now } });
    expect(await authenticateBearer(db, `Bearer ${token}`, now)).toBeNull();

    const cli = await mint("cli-made", "VIEWER", null);
    expect(await authenticateBearer(db, `Bearer ${cli.token}`, now)).toMatchObject({ userId: null, role: "VIEWER", label: "cli-made" });
  });

  it("returns null for a missing, empty, malformed, unknown or non-Bearer header", async () => {
    const { token } = await mint("valid");
    const headers = [
      null,
      "",
      "Bearer",
      "Bearer ",
      token,
      `Basic ${Buffer.from(`user:${token}`).toString("base64")}`,
      `Basic ${token}`,
      `Bearer ${token}x`,
      `Bearer ${token.slice(0, -1)}`,
      `Bearer opr_${"A".repeat(43)}`,
      `Bearer ${token} extra`,
      `Token ${token}`,
    ];
    for (const header of headers) expect(await authenticateBearer(db, header, now), String(header)).toBeNull();
  });
});

describe("listApiTokens", () => {
  it("lists tokens newest first with their creator's e-mail, and never a hash", async () => {
    const tokens = await listApiTokens(db);
    expect(tokens.length).toBeGreaterThan(3);
    expect(tokens.find((t) => t.name === "ci")).toMatchObject({ role: "ENGINEER", actsAs: "ENGINEER", createdBy: "admin@example.test" });
    expect(tokens.find((t) => t.name === "cli-made")?.createdBy).toBeNull();
    for (const token of tokens) expect(Object.keys(token)).not.toContain("tokenHash");
  });
});
