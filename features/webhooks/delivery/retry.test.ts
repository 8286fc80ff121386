import { describe, expect, it } from "vitest";
import { MAX_RETRY_AFTER_MS, parseRetryAfter, retryDelayMs } from "./retry";

const policy = { retryBaseMs: 30_000, maxRetryDelayMs: 3_600_000 };
const middle = () => 0.5;

describe("retryDelayMs", () => {
  it("doubles from the base with each attempt", () => {
    expect([1, 2, 3, 4, 5].map((attempt) => retryDelayMs(attempt, policy, null, middle))).toEqual([30_000, 60_000, 120_000, 240_000, 480_000]);
  });

  it("spreads each delay by at most 20 % either way", () => {
    expect(retryDelayMs(3, policy, null, () => 0)).toBe(96_000);
    expect(retryDelayMs(3, policy, null, () => 0.999999)).toBe(144_000);
    for (let i = 0; i < 200; i += 1) {
      const delay = retryDelayMs(2, policy, null);
      expect(delay).toBeGreaterThanOrEqual(48_000);
      expect(delay).toBeLessThanOrEqual(72_000);
    }
  });

  it("never waits longer than the policy's longest delay", () => {
    expect(retryDelayMs(8, policy, null, () => 0.99)).toBe(3_600_000);
    expect(retryDelayMs(40, policy, null, () => 0)).toBe(3_600_000);
  });

  it("waits for the receiver's Retry-After when it is longer, and not when it is shorter", () => {
    expect(retryDelayMs(1, policy, 600_000, middle)).toBe(600_000);
    expect(retryDelayMs(1, policy, 5_000, middle)).toBe(30_000);
  });
});

describe("parseRetryAfter", () => {
  const now = new Date("2026-12-06T12:00:00Z");

  it("reads delay-seconds", () => {
    expect(parseRetryAfter("120", now)).toBe(120_000);
    expect(parseRetryAfter(" 0 ", now)).toBe(0);
  });

  it("reads an HTTP date, as the time left until it", () => {
    expect(parseRetryAfter("Sun, 06 Dec 2026 12:05:00 GMT", now)).toBe(300_000);
    expect(parseRetryAfter("Sun, 06 Dec 2026 11:00:00 GMT", now)).toBe(0);
  });

  it("caps it at an hour", () => {
    expect(parseRetryAfter("86400", now)).toBe(MAX_RETRY_AFTER_MS);
    expect(parseRetryAfter("Mon, 07 Dec 2026 12:00:00 GMT", now)).toBe(3_600_000);
  });

  it("ignores what it cannot read", () => {
    expect(parseRetryAfter(undefined, now)).toBeNull();
    expect(parseRetryAfter("", now)).toBeNull();
    expect(parseRetryAfter("-5", now)).toBeNull();
    expect(parseRetryAfter("1.5", now)).toBeNull();
    expect(parseRetryAfter("soon", now)).toBeNull();
  });
});
