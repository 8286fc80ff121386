// What the webhook jobs need to run: the database, the app's public address for links, and the
// delivery policy. `webhookRuntimeFromEnv` reads the documented environment variables.
import type { Database } from "@/lib/db/client";

export { FAN_OUT_TASK } from "@/lib/jobs/events";
/** Sends one delivery once: `{ deliveryId, attempt }`. */
export const DELIVER_TASK = "webhooks:deliver";
/** Hourly: sends the weekly digest and the daily action-item reminders when their time comes. */
export const TICK_TASK = "webhooks:tick";

export type DeliverJob = { deliveryId: string; attempt: number };

export type WebhookRuntime = {
  db: Database;
  /** The app's public address, for links in messages (NEXTAUTH_URL). */
  baseUrl: string;
  /** How long one attempt may take before it counts as timed out. */
  timeoutMs: number;
  /** The first retry's delay; each later one doubles, up to `maxRetryDelayMs`. */
  retryBaseMs: number;
  maxRetryDelayMs: number;
  /** Attempts per delivery, the first included. */
  maxAttempts: number;
  /** Deliveries failed in a row (each after all its attempts) that pause a webhook. */
  pauseAfterFailures: number;
  /** WEBHOOK_ALLOW_PRIVATE_NETWORKS=1: private, loopback and link-local addresses are allowed. */
  allowPrivateNetworks: boolean;
  now: () => Date;
};

export const DEFAULT_WEBHOOK_POLICY = {
  timeoutMs: 10_000,
  retryBaseMs: 30_000,
  maxRetryDelayMs: 60 * 60_000,
  maxAttempts: 8,
  pauseAfterFailures: 5,
} as const;

export function webhookRuntimeFromEnv(db: Database, env: NodeJS.ProcessEnv = process.env): WebhookRuntime {
  return {
    db,
    baseUrl: (env.NEXTAUTH_URL ?? "http://localhost:3000").replace(/\/+$/, ""),
    ...DEFAULT_WEBHOOK_POLICY,
    allowPrivateNetworks: env.WEBHOOK_ALLOW_PRIVATE_NETWORKS === "1",
    now: () => new Date(),
  };
}
