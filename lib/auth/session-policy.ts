import { z } from "zod";

/**
 * How long a signed-in session lasts: it ends after SESSION_IDLE_MINUTES without a request,
 * and in any case SESSION_MAX_HOURS after sign-in. The defaults outlast a two-hour weekly
 * review meeting held with the app open on a projector.
 */
const schema = z.object({
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .max(7 * 24 * 60)
    .default(240),
  SESSION_MAX_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(12),
});

export function sessionPolicy() {
  const env = schema.parse(process.env);
  return { idleMs: env.SESSION_IDLE_MINUTES * 60_000, maxMs: env.SESSION_MAX_HOURS * 3_600_000 };
}
