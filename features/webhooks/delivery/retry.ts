// When the next attempt of a delivery is due: exponential backoff with jitter, and the
// receiver's own Retry-After when it asks for longer.
import type { WebhookRuntime } from "@/features/webhooks/runtime";

/** A receiver's Retry-After is honoured up to this. */
export const MAX_RETRY_AFTER_MS = 60 * 60_000;
const JITTER = 0.2;

/**
 * How long to wait after failed attempt `attempt` (1 for the first): retryBaseMs · 2^(attempt−1),
 * spread ±20 % so receivers that failed together are not all retried at once, at most
 * maxRetryDelayMs; a longer Retry-After wins.
 */
export function retryDelayMs(
  attempt: number,
  policy: Pick<WebhookRuntime, "retryBaseMs" | "maxRetryDelayMs">,
  retryAfterMs: number | null,
  random: () => number = Math.random,
): number {
  const backoff = policy.retryBaseMs * 2 ** Math.max(0, attempt - 1);
  const jittered = backoff * (1 - JITTER + 2 * JITTER * random());
  const delay = Math.round(Math.min(jittered, policy.maxRetryDelayMs));
  return retryAfterMs !== null && retryAfterMs > delay ? retryAfterMs : delay;
}

/**
 * A Retry-After header in ms from `now`: delay-seconds ("120") or an HTTP date; null when absent
 * or unreadable; a date in the past is 0; at most an hour.
 */
export function parseRetryAfter(value: string | null | undefined, now: Date): number | null {
  const text = value?.trim() ?? "";
  if (text === "") return null;
  let ms: number;
  if (/^\d+$/.test(text)) {
    ms = Number(text) * 1000;
  } else {
    const at = Date.parse(text);
    if (Number.isNaN(at) || !/[a-z]/i.test(text)) return null;
    ms = Math.max(0, at - now.getTime());
  }
  return Math.min(ms, MAX_RETRY_AFTER_MS);
}
