// The signature on a `json` delivery, as receivers are told to check it (docs/integrations.md):
// `X-Ops-Review-Signature: v1=<hex HMAC-SHA256 of "<timestamp>.<body>">`, with the timestamp in
// `X-Ops-Review-Timestamp`. Signing the timestamp with the body lets a receiver refuse replays.
import { createHmac, timingSafeEqual } from "node:crypto";

const VERSION = "v1=";

function digest(secret: string, timestampSeconds: number | string, body: string): Buffer {
  return createHmac("sha256", secret).update(`${timestampSeconds}.${body}`).digest();
}

/** The `X-Ops-Review-Signature` value for a body sent at `timestampSeconds` (unix seconds). */
export function signatureHeader(secret: string, timestampSeconds: number, body: string): string {
  return `${VERSION}${digest(secret, timestampSeconds, body).toString("hex")}`;
}

export type SignedRequest = {
  secret: string;
  /** The `X-Ops-Review-Signature` header: one or more `v1=<hex>`, separated by commas. */
  signature: string;
  /** The `X-Ops-Review-Timestamp` header, unix seconds. */
  timestamp: string;
  body: string;
  now: Date;
  toleranceSeconds?: number;
};

/**
 * Whether a received request was signed with `secret` within `toleranceSeconds` of `now`:
 * compared in constant time; a request older (or further ahead) than the tolerance is refused,
 * so a captured request cannot be replayed later.
 */
export function verifySignature({ secret, signature, timestamp, body, now, toleranceSeconds = 300 }: SignedRequest): boolean {
  if (!/^\d{1,12}$/.test(timestamp)) return false;
  if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > toleranceSeconds) return false;
  const expected = digest(secret, timestamp, body);
  let matched = false;
  for (const part of signature.split(",")) {
    const value = part.trim();
    if (!value.startsWith(VERSION)) continue;
    const hex = value.slice(VERSION.length);
    if (!/^[0-9a-f]{64}$/i.test(hex)) continue;
    // Every candidate is compared, so the time taken does not tell which one matched.
    if (timingSafeEqual(Buffer.from(hex, "hex"), expected)) matched = true;
  }
  return matched;
}
