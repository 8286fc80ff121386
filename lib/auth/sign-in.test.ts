import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { useTestDatabase } from "@/test/database";
import { hashPassword } from "./password";
import { closeSession, openSession, resolveSession } from "./sessions";
import { SignInRefused, signInWithPassword } from "./sign-in";

const { db } = useTestDatabase();
let userId: string;
const password = "correct horse battery staple";

beforeAll(async () => {
  vi.stubEnv("SIGNIN_MAX_FAILURES", "3");
  vi.stubEnv("SIGNIN_WINDOW_MINUTES", "15");
  vi.stubEnv("SESSION_IDLE_MINUTES", "240");
  vi.stubEnv("SESSION_MAX_HOURS", "12");
  userId = (await db.user.create({ data: { email: "lena@example.test", role: "LEAD", passwordHash: await hashPassword(password) } })).id;
});
afterAll(() => {
  vi.unstubAllEnvs();
});
beforeEach(async () => {
  await db.signInAttempt.deleteMany();
  await db.user.update({ where: { id: userId }, data: { active: true } });
});

const attempt = (pw: string, email = "lena@example.test", clientIp = "10.0.0.1", now = new Date()) =>
  signInWithPassword(db, { email, password: pw, clientIp }, now);

describe("signInWithPassword", () => {
  it("signs in with the right password, case-insensitively on the e-mail, and audits it", async () => {
    expect(await attempt(password, "  Lena@Example.TEST ")).toMatchObject({ id: userId, role: "LEAD" });
    expect(await db.auditEvent.count({ where: { action: "auth.sign_in", actorUserId: userId } })).toBeGreaterThan(0);
  });

  it("refuses a wrong password and an unknown account with the same message, and audits the failure", async () => {
    await expect(attempt("wrong")).rejects.toThrow("Wrong e-mail or password");
    await expect(attempt(password, "nobody@example.test")).rejects.toThrow("Wrong e-mail or password");
    expect(await db.auditEvent.count({ where: { action: "auth.sign_in_failed" } })).toBeGreaterThanOrEqual(2);
  });

  it("refuses a deactivated account even with the right password", async () => {
    await db.user.update({ where: { id: userId }, data: { active: false } });
    await expect(attempt(password)).rejects.toBeInstanceOf(SignInRefused);
  });

  it("refuses the (N+1)th attempt after N failures, even with the right password, until the window passes", async () => {
    const start = new Date("2026-11-24T10:00:00Z");
    for (let i = 0; i < 3; i++) await expect(attempt("wrong", undefined, undefined, start)).rejects.toThrow("Wrong e-mail or password");
    await expect(attempt(password, undefined, undefined, new Date(start.getTime() + 60_000))).rejects.toThrow(
      /Too many failed sign-ins\. Try again in 14 minutes/,
    );
    expect(await attempt(password, undefined, undefined, new Date(start.getTime() + 16 * 60_000))).toMatchObject({ id: userId });
  });

  it("counts failures per account: another account from elsewhere is not held up", async () => {
    const start = new Date();
    for (let i = 0; i < 3; i++) await expect(attempt("wrong", "other@example.test", "10.0.0.9", start)).rejects.toThrow();
    expect(await attempt(password, "lena@example.test", "10.0.0.1", start)).toMatchObject({ id: userId });
  });
});

describe("sessions in PostgreSQL", () => {
  it("resolve to their user until closed", async () => {
    const token = await openSession(db, userId);
    expect(await resolveSession(db, token)).toMatchObject({ id: userId, email: "lena@example.test", role: "LEAD" });
    await closeSession(db, token);
    expect(await resolveSession(db, token)).toBeNull();
  });

  it("end after the idle limit and after the absolute maximum", async () => {
    const opened = new Date("2026-11-24T08:00:00Z");
    const idle = await openSession(db, userId, opened);
    expect(await resolveSession(db, idle, new Date(opened.getTime() + 239 * 60_000))).not.toBeNull(); // touched at 11:59
    expect(await resolveSession(db, idle, new Date(opened.getTime() + (239 + 241) * 60_000))).toBeNull();

    const busy = await openSession(db, userId, opened);
    // Active every hour, it still ends 12 hours after sign-in.
    for (let hour = 1; hour < 12; hour++) expect(await resolveSession(db, busy, new Date(opened.getTime() + hour * 3_600_000))).not.toBeNull();
    expect(await resolveSession(db, busy, new Date(opened.getTime() + 12 * 3_600_000))).toBeNull();
  });

  it("stop working at once when the user is deactivated", async () => {
    const token = await openSession(db, userId);
    await db.user.update({ where: { id: userId }, data: { active: false } });
    expect(await resolveSession(db, token)).toBeNull();
  });
});
