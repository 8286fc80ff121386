import { z } from "zod";
import type { Database } from "@/lib/db/client";

/**
 * Sign-in throttling (ASVS 2.2.1): failed attempts for one account, or from one client
 * address, are slowed and then refused for the rest of the window. Counted in PostgreSQL
 * so that every app instance sees the same numbers.
 */
const schema = z.object({
  SIGNIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(10),
  SIGNIN_MAX_FAILURES_PER_ADDRESS: z.coerce.number().int().min(1).max(10_000).default(100),
  SIGNIN_WINDOW_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
});

export function throttlePolicy() {
  const env = schema.parse(process.env);
  return { maxFailures: env.SIGNIN_MAX_FAILURES, maxFailuresPerAddress: env.SIGNIN_MAX_FAILURES_PER_ADDRESS, windowMs: env.SIGNIN_WINDOW_MINUTES * 60_000 };
}

export type ThrottleDecision = { allowed: true; delayMs: number } | { allowed: false; retryAfterMinutes: number };

const MAX_DELAY_MS = 2_000;

export async function checkSignInThrottle(db: Database, email: string, clientIp: string, now = new Date()): Promise<ThrottleDecision> {
  const policy = throttlePolicy();
  const windowStart = new Date(now.getTime() - policy.windowMs);
  const lastSuccess = await db.signInAttempt.findFirst({
    where: { email, succeeded: true, attemptedAt: { gt: windowStart } },
    orderBy: { attemptedAt: "desc" },
    select: { attemptedAt: true },
  });
  // A successful sign-in clears the account's count; the address's count keeps running.
  const accountSince = lastSuccess?.attemptedAt ?? windowStart;
  const [accountFailures, addressFailures] = await Promise.all([
    db.signInAttempt.findMany({
      where: { email, succeeded: false, attemptedAt: { gt: accountSince } },
      orderBy: { attemptedAt: "asc" },
      select: { attemptedAt: true },
    }),
    db.signInAttempt.count({ where: { clientIp, succeeded: false, attemptedAt: { gt: windowStart } } }),
  ]);
  const refusedUntil = (oldest: Date | undefined) => Math.max(1, Math.ceil(((oldest ?? now).getTime() + policy.windowMs - now.getTime()) / 60_000));
  if (accountFailures.length >= policy.maxFailures) return { allowed: false, retryAfterMinutes: refusedUntil(accountFailures[0]?.attemptedAt) };
  if (addressFailures >= policy.maxFailuresPerAddress) return { allowed: false, retryAfterMinutes: Math.ceil(policy.windowMs / 60_000) };
  return { allowed: true, delayMs: Math.min(MAX_DELAY_MS, 250 * accountFailures.length) };
}

export async function recordSignInAttempt(db: Database, attempt: { email: string; clientIp: string; succeeded: boolean }, now = new Date()) {
  await db.signInAttempt.create({ data: { ...attempt, attemptedAt: now } });
}
