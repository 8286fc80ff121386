import { describe, expect, it } from "vitest";
import { parseSignatureHeader, signatureHeaderFor, verifyPagerDutySignature } from "./signature";

const body = JSON.stringify({ event: { id: "01ABC", event_type: "incident.triggered" } });
const secret = "whsec-current-0123456789abcdef";
const nextSecret = "whsec-next-fedcba9876543210";

describe("verifyPagerDutySignature", () => {
  it("accepts the HMAC-SHA256 of the raw body under the configured secret", () => {
    expect(verifyPagerDutySignature(body, signatureHeaderFor(body, [secret]), [secret])).toBe(true);
  });

  it("refuses a signature made with another secret", () => {
    expect(verifyPagerDutySignature(body, signatureHeaderFor(body, ["someone-else"]), [secret])).toBe(false);
  });

  it("refuses a missing or empty header, and any header when no secret is configured", () => {
    expect(verifyPagerDutySignature(body, null, [secret])).toBe(false);
    expect(verifyPagerDutySignature(body, "", [secret])).toBe(false);
    expect(verifyPagerDutySignature(body, signatureHeaderFor(body, [secret]), [])).toBe(false);
  });

  it("refuses a body altered after signing, even by one byte or by re-serialising the same JSON", () => {
    const header = signatureHeaderFor(body, [secret]);
    expect(verifyPagerDutySignature(body.replace("01ABC", "01ABD"), header, [secret])).toBe(false);
    expect(verifyPagerDutySignature(JSON.stringify(JSON.parse(body), null, 1), header, [secret])).toBe(false);
    expect(verifyPagerDutySignature(`${body} `, header, [secret])).toBe(false);
  });

  it("accepts a header of two values during PagerDuty's rotation when either matches", () => {
    const twoValues = signatureHeaderFor(body, [nextSecret, secret]);
    expect(twoValues.split(",")).toHaveLength(2);
    expect(verifyPagerDutySignature(body, twoValues, [secret])).toBe(true);
    expect(verifyPagerDutySignature(body, twoValues, [nextSecret])).toBe(true);
    expect(verifyPagerDutySignature(body, `v1=${"0".repeat(64)}, ${signatureHeaderFor(body, [secret])}`, [secret])).toBe(true);
  });

  it("accepts a signature under a second configured secret (ours rotating)", () => {
    expect(verifyPagerDutySignature(body, signatureHeaderFor(body, [nextSecret]), [secret, nextSecret])).toBe(true);
  });

  it("ignores versions other than v1, and values of the wrong length or not hex", () => {
    const hex = signatureHeaderFor(body, [secret]).slice(3);
    expect(verifyPagerDutySignature(body, `v0=${hex}`, [secret])).toBe(false);
    expect(verifyPagerDutySignature(body, `v2=${hex},v1=${hex}`, [secret])).toBe(true);
    expect(verifyPagerDutySignature(body, `v1=${hex.slice(0, 62)}`, [secret])).toBe(false);
    expect(verifyPagerDutySignature(body, `v1=${hex}00`, [secret])).toBe(false);
    expect(verifyPagerDutySignature(body, `v1=zz${hex.slice(2)}`, [secret])).toBe(false);
  });
});

describe("parseSignatureHeader", () => {
  it("reads comma-separated v1 values, spaces allowed, case of the hex ignored", () => {
    expect(parseSignatureHeader(" v1=AB01 ,v1=cd, v9=ee,garbage").map((b) => b.toString("hex"))).toEqual(["ab01", "cd"]);
  });
});
