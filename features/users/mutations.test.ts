import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import type { Role } from "@/lib/auth/permissions";
import { ConflictError, ForbiddenError, NotFoundError, RuleViolationError, ValidationError } from "@/lib/errors";
import { useTestDatabase } from "@/test/database";
import { changeUserRole, LAST_ADMIN_MESSAGE, setUserActive } from "./mutations";
import { listUserSummaries } from "./reads";

const { db } = useTestDatabase({ poolMax: 8 });

// The last-ADMIN rule counts every admin in the database, so each test starts from none.
beforeEach(async () => {
  await db.auditEvent.deleteMany();
  await db.apiToken.deleteMany();
  await db.session.deleteMany();
  await db.user.deleteMany();
});

const createUser = (email: string, role: Role, active = true) =>
  db.user.create({ data: { email, role, active, passwordHash: "not-a-real-hash" }, select: { id: true, email: true, updatedAt: true } });
const actorFor = (user: { id: string; email: string }, role: Role = "ADMIN"): Actor => ({
  userId: user.id,
  tokenId: null,
  label: user.email,
  method: "UI",
  role,
});
const hour = 3_600_000;
const openSessionFor = (userId: string) => db.session.create({ data: { userId, sessionToken: randomUUID(), expires: new Date(Date.now() + hour) } });
const tokenBy = (createdById: string, revokedAt: Date | null = null) =>
  db.apiToken.create({ data: { name: `token ${randomUUID()}`, tokenHash: randomUUID(), prefix: "opr_", role: "ENGINEER", createdById, revokedAt } });

describe("changeUserRole", () => {
  it("changes the role and records who changed it from what to what", async () => {
    const admin = await createUser("admin@example.test", "ADMIN");
    const engineer = await createUser("eng@example.test", "ENGINEER");
    const result = await changeUserRole(db, { userId: engineer.id, role: "LEAD", version: engineer.updatedAt.getTime() }, actorFor(admin));
    expect(result).toMatchObject({ id: engineer.id, role: "LEAD", changed: true });
    expect((await db.user.findUniqueOrThrow({ where: { id: engineer.id } })).role).toBe("LEAD");
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: engineer.id, action: "user.role_change" } });
    expect(audit).toMatchObject({
      entityType: "User",
      actorUserId: admin.id,
      actorLabel: admin.email,
      method: "UI",
      changes: { role: { from: "ENGINEER", to: "LEAD" } },
    });
  });

  it("refuses an edit based on an old version, and writes nothing", async () => {
    const admin = await createUser("admin@example.test", "ADMIN");
    const viewer = await createUser("viewer@example.test", "VIEWER");
    const first = await changeUserRole(db, { userId: viewer.id, role: "ENGINEER", version: viewer.updatedAt.getTime() }, actorFor(admin));
    await expect(changeUserRole(db, { userId: viewer.id, role: "LEAD", version: viewer.updatedAt.getTime() }, actorFor(admin))).rejects.toThrow(ConflictError);
    expect((await db.user.findUniqueOrThrow({ where: { id: viewer.id } })).role).toBe("ENGINEER");
    await changeUserRole(db, { userId: viewer.id, role: "LEAD", version: first.version }, actorFor(admin));
    expect(await db.auditEvent.count({ where: { action: "user.role_change" } })).toBe(2);
  });

  it("treats asking for the current role as no change, with no audit event", async () => {
    const admin = await createUser("admin@example.test", "ADMIN");
    const lead = await createUser("lead@example.test", "LEAD");
    expect(await changeUserRole(db, { userId: lead.id, role: "LEAD" }, actorFor(admin))).toMatchObject({ changed: false });
    expect(await db.auditEvent.count()).toBe(0);
  });

  it("refuses a role that does not exist with a field error on role", async () => {
    const admin = await createUser("admin@example.test", "ADMIN");
    const error = await changeUserRole(db, { userId: admin.id, role: "OWNER" }, actorFor(admin)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(Object.keys((error as ValidationError).fieldErrors)).toEqual(["role"]);
  });

  it("does not let the last active ADMIN demote themself, and lets them once another admin exists", async () => {
    const admin = await createUser("admin@example.test", "ADMIN");
    await createUser("former-admin@example.test", "ADMIN", false); // a deactivated admin does not count
    const error = await changeUserRole(db, { userId: admin.id, role: "LEAD" }, actorFor(admin)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RuleViolationError);
    expect((error as RuleViolationError).fieldErrors).toEqual({ role: [LAST_ADMIN_MESSAGE] });
    expect((await db.user.findUniqueOrThrow({ where: { id: admin.id } })).role).toBe("ADMIN");
    expect(await db.auditEvent.count()).toBe(0);

    await createUser("second-admin@example.test", "ADMIN");
    await expect(changeUserRole(db, { userId: admin.id, role: "LEAD" }, actorFor(admin))).resolves.toMatchObject({ role: "LEAD" });
  });

  it("leaves exactly one admin when every admin demotes themself at the same moment", async () => {
    const admins = await Promise.all(["a", "b", "c", "d", "e", "f"].map((n) => createUser(`${n}@example.test`, "ADMIN")));
    const outcomes = await Promise.allSettled(admins.map((a) => changeUserRole(db, { userId: a.id, role: "VIEWER" }, actorFor(a))));
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(admins.length - 1);
    expect(await db.user.count({ where: { role: "ADMIN", active: true } })).toBe(1);
  });

  it("throws NotFoundError for an unknown user, and refuses an actor below ADMIN", async () => {
    const admin = await createUser("admin@example.test", "ADMIN");
    await expect(changeUserRole(db, { userId: randomUUID(), role: "LEAD" }, actorFor(admin))).rejects.toThrow(NotFoundError);
    await expect(changeUserRole(db, { userId: "not-a-uuid", role: "LEAD" }, actorFor(admin))).rejects.toThrow(NotFoundError);
    const lead = await createUser("lead@example.test", "LEAD");
    await expect(changeUserRole(db, { userId: lead.id, role: "ADMIN" }, actorFor(lead, "LEAD"))).rejects.toThrow(ForbiddenError);
  });
});

describe("setUserActive", () => {
  it("deactivating deletes the user's sessions and revokes their tokens, and leaves other users' alone", async () => {
    const admin = await createUser("admin@example.test", "ADMIN");
    const leaving = await createUser("leaving@example.test", "LEAD");
    const staying = await createUser("staying@example.test", "ENGINEER");
    await openSessionFor(leaving.id);
    await openSessionFor(leaving.id);
    const othersSession = await openSessionFor(staying.id);
    const liveToken = await tokenBy(leaving.id);
    const earlierRevocation = new Date("2026-01-05T10:00:00Z");
    const oldToken = await tokenBy(leaving.id, earlierRevocation);
    const othersToken = await tokenBy(staying.id);
    const now = new Date();

    const result = await setUserActive(db, { userId: leaving.id, active: false }, actorFor(admin), now);

    expect(result).toMatchObject({ active: false, changed: true });
    expect(await db.user.findUniqueOrThrow({ where: { id: leaving.id } })).toMatchObject({ active: false, deactivatedAt: now });
    expect(await db.session.count({ where: { userId: leaving.id } })).toBe(0);
    expect(await db.session.findUnique({ where: { id: othersSession.id } })).not.toBeNull();
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: liveToken.id } })).revokedAt).toEqual(now);
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: oldToken.id } })).revokedAt).toEqual(earlierRevocation);
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: othersToken.id } })).revokedAt).toBeNull();
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: leaving.id, action: "user.deactivate" } });
    expect(audit).toMatchObject({
      actorUserId: admin.id,
      method: "UI",
      changes: { active: { from: true, to: false }, sessionsClosed: 2, tokensRevoked: [liveToken.id] },
    });
  });

  it("does not let the last active ADMIN deactivate themself", async () => {
    const admin = await createUser("admin@example.test", "ADMIN");
    await openSessionFor(admin.id);
    const error = await setUserActive(db, { userId: admin.id, active: false }, actorFor(admin)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RuleViolationError);
    expect((error as RuleViolationError).fieldErrors).toEqual({ active: [LAST_ADMIN_MESSAGE] });
    expect((await db.user.findUniqueOrThrow({ where: { id: admin.id } })).active).toBe(true);
    expect(await db.session.count({ where: { userId: admin.id } })).toBe(1);
    expect(await db.auditEvent.count()).toBe(0);
  });

  it("reactivates a deactivated user, leaving their revoked tokens revoked", async () => {
    const admin = await createUser("admin@example.test", "ADMIN");
    const user = await createUser("back@example.test", "ENGINEER");
    const token = await tokenBy(user.id);
    await setUserActive(db, { userId: user.id, active: false }, actorFor(admin));
    const result = await setUserActive(db, { userId: user.id, active: true }, actorFor(admin));
    expect(result).toMatchObject({ active: true, changed: true });
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ active: true, deactivatedAt: null });
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: token.id } })).revokedAt).not.toBeNull();
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: user.id, action: "user.reactivate" } });
    expect(audit.changes).toEqual({ active: { from: false, to: true } });
  });

  it("throws NotFoundError for an unknown user and ValidationError for a non-boolean", async () => {
    const admin = await createUser("admin@example.test", "ADMIN");
    await expect(setUserActive(db, { userId: randomUUID(), active: false }, actorFor(admin))).rejects.toThrow(NotFoundError);
    await expect(setUserActive(db, { userId: admin.id, active: "no" }, actorFor(admin))).rejects.toThrow(ValidationError);
  });
});

describe("listUserSummaries", () => {
  it("shows the last sign-in from the audit log and counts only sessions still open, never the password hash", async () => {
    const now = new Date("2026-11-24T12:00:00Z");
    const user = await createUser("someone@example.test", "VIEWER");
    const signIn = (occurredAt: Date) =>
      db.auditEvent.create({
        data: { action: "auth.sign_in", method: "UI", actorLabel: user.email, actorUserId: user.id, entityType: "User", entityId: user.id, occurredAt },
      });
    await signIn(new Date("2026-11-20T09:00:00Z"));
    await signIn(new Date("2026-11-23T09:00:00Z"));
    await db.session.createMany({
      data: [
        { userId: user.id, sessionToken: randomUUID(), expires: new Date(now.getTime() + hour), lastSeenAt: new Date(now.getTime() - 60_000) },
        { userId: user.id, sessionToken: randomUUID(), expires: new Date(now.getTime() - hour), lastSeenAt: new Date(now.getTime() - 2 * hour) },
        { userId: user.id, sessionToken: randomUUID(), expires: new Date(now.getTime() + hour), lastSeenAt: new Date(now.getTime() - 48 * hour) },
      ],
    });
    const never = await createUser("never@example.test", "ADMIN");

    const summaries = await listUserSummaries(db, now);

    expect(summaries.map((s) => s.email)).toEqual(["never@example.test", "someone@example.test"]);
    expect(summaries[1]).toMatchObject({ id: user.id, role: "VIEWER", active: true, lastSignInAt: "2026-11-23T09:00:00.000Z", openSessions: 1 });
    expect(summaries[0]).toMatchObject({ id: never.id, lastSignInAt: null, openSessions: 0 });
    expect(JSON.stringify(summaries)).not.toContain("not-a-real-hash");
    expect(summaries[0]).not.toHaveProperty("passwordHash");
  });
});
