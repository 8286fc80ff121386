import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signatureHeader, verifySignature } from "./signature";

const secret = "whsec_test";
const body = '{"type":"incident.sev1_filed"}';
const sentAt = 1_780_000_000;
const now = new Date(sentAt * 1000 + 30_000);

describe("webhook signatures", () => {
  it("is v1= and the hex HMAC-SHA256 of <timestamp>.<body>", () => {
    const expected = createHmac("sha256", secret).update(`${sentAt}.${body}`).digest("hex");
    expect(signatureHeader(secret, sentAt, body)).toBe(`v1=${expected}`);
  });

  it("verifies the signature it made, and no other body, secret or timestamp", () => {
    const signature = signatureHeader(secret, sentAt, body);
    const check = (changes: Partial<Parameters<typeof verifySignature>[0]>) =>
      verifySignature({ secret, signature, timestamp: String(sentAt), body, now, ...changes });
    expect(check({})).toBe(true);
    expect(check({ body: body.replace("sev1", "sev2") })).toBe(false);
    expect(check({ secret: "another" })).toBe(false);
    expect(check({ timestamp: String(sentAt + 1) })).toBe(false);
    expect(check({ signature: signature.replace("v1=", "v0=") })).toBe(false);
    expect(check({ signature: "v1=zz" })).toBe(false);
    expect(check({ timestamp: "soon" })).toBe(false);
  });

  it("accepts any one of several v1= values (while a secret is being replaced)", () => {
    const signature = `v1=${"0".repeat(64)}, ${signatureHeader(secret, sentAt, body)}`;
    expect(verifySignature({ secret, signature, timestamp: String(sentAt), body, now })).toBe(true);
  });

  it("refuses a timestamp outside the tolerance, so a captured request cannot be replayed", () => {
    const signature = signatureHeader(secret, sentAt, body);
    const at = (seconds: number) => new Date((sentAt + seconds) * 1000);
    expect(verifySignature({ secret, signature, timestamp: String(sentAt), body, now: at(300) })).toBe(true);
    expect(verifySignature({ secret, signature, timestamp: String(sentAt), body, now: at(301) })).toBe(false);
    expect(verifySignature({ secret, signature, timestamp: String(sentAt), body, now: at(-301) })).toBe(false);
    expect(verifySignature({ secret, signature, timestamp: String(sentAt), body, now: at(3600), toleranceSeconds: 3600 })).toBe(true);
  });
});
