// X-PagerDuty-Signature: one or more comma-separated "v1=<hex HMAC-SHA256 of the raw body>",
// more than one while a subscription's secret is being rotated.
import { createHmac, timingSafeEqual } from "node:crypto";

const V1 = /^v1=([0-9a-f]+)$/i;

/** The v1 signatures of the header, as bytes; other versions and malformed parts are left out. */
export function parseSignatureHeader(header: string | null): Buffer[] {
  if (!header) return [];
  return header
    .split(",")
    .map((part) => V1.exec(part.trim())?.[1])
    .filter((hex): hex is string => hex !== undefined && hex.length % 2 === 0)
    .map((hex) => Buffer.from(hex, "hex"));
}

export const signBody = (secret: string, rawBody: string): Buffer => createHmac("sha256", secret).update(rawBody, "utf8").digest();

/** The header PagerDuty would send for `rawBody` signed with each of `secrets`. */
export const signatureHeaderFor = (rawBody: string, secrets: string[]): string =>
  secrets.map((secret) => `v1=${signBody(secret, rawBody).toString("hex")}`).join(",");

/**
 * True when any one signature of the header is the HMAC of the raw body under any one of the
 * secrets, compared in constant time. No secret configured, or no signature sent: false.
 */
export function verifyPagerDutySignature(rawBody: string, header: string | null, secrets: string[]): boolean {
  const given = parseSignatureHeader(header);
  if (given.length === 0 || secrets.length === 0) return false;
  const expected = secrets.map((secret) => signBody(secret, rawBody));
  let matched = false;
  // Every pair is compared, so the time taken says nothing about which one matched.
  for (const signature of given) {
    for (const digest of expected) {
      if (signature.length === digest.length && timingSafeEqual(signature, digest)) matched = true;
    }
  }
  return matched;
}
