import type { Database } from "@/lib/db/client";
import { verifyPassword } from "./password";
import type { SessionUser } from "./sessions";
import { SIGN_IN_ERROR, throttledCode } from "./sign-in-errors";
import { checkSignInThrottle, recordSignInAttempt } from "./throttle";

/** A refused sign-in; `code` is what reaches the browser (./sign-in-errors.ts words it). */
export class SignInRefused extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

// Verified when the account does not exist, so that a wrong e-mail takes as long as a wrong password.
const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$N2Crm6zhNDLnfLLesCqbJg$7QyKfo0NcMLjvCCFUdr+y2BzsRh5Gn2M7heDKrEZ5XE";

/** Checks an e-mail and password, throttled and audited; the user on success. */
export async function signInWithPassword(db: Database, input: { email: string; password: string; clientIp: string }, now = new Date()): Promise<SessionUser> {
  const email = input.email.trim().toLowerCase();
  const audit = (action: string, userId: string | null) =>
    db.auditEvent.create({
      data: {
        action,
        method: "UI",
        actorLabel: email || "(no e-mail)",
        actorUserId: userId,
        entityType: "User",
        entityId: userId ?? email,
        changes: { clientIp: input.clientIp },
      },
    });
  const decision = await checkSignInThrottle(db, email, input.clientIp, now);
  if (!decision.allowed) {
    await audit("auth.sign_in_refused", null);
    throw new SignInRefused(
      `Too many failed sign-ins. Try again in ${decision.retryAfterMinutes} minute${decision.retryAfterMinutes === 1 ? "" : "s"}.`,
      throttledCode(decision.retryAfterMinutes),
    );
  }
  if (decision.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, decision.delayMs));

  const user = await db.user.findUnique({ where: { email }, omit: { passwordHash: false } });
  const passwordOk = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, input.password);
  const succeeded = Boolean(user?.active && user.passwordHash && passwordOk);
  await recordSignInAttempt(db, { email, clientIp: input.clientIp, succeeded }, now);
  await audit(succeeded ? "auth.sign_in" : "auth.sign_in_failed", user?.id ?? null);
  if (!succeeded || !user) throw new SignInRefused("Wrong e-mail or password, or the account is deactivated.", SIGN_IN_ERROR.wrongCredentials);
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}
