import { describe, expect, it } from "vitest";
import { clientAddress, PEER_ADDRESS_HEADER, trustedProxyHops, UNKNOWN_ADDRESS } from "./client-address";

const from = (peer: string, forwardedFor?: string) => ({
  [PEER_ADDRESS_HEADER]: peer,
  ...(forwardedFor === undefined ? {} : { "x-forwarded-for": forwardedFor }),
});

describe("clientAddress", () => {
  it("is the socket's peer with no trusted proxy, whatever X-Forwarded-For claims", () => {
    expect(clientAddress(from("203.0.113.7"), { hops: 0, peerTrusted: true })).toBe("203.0.113.7");
    for (const spoof of ["198.51.100.1", "198.51.100.1, 10.0.0.1", "unknown", "", "<script>", "::1"]) {
      expect(clientAddress(from("203.0.113.7", spoof), { hops: 0, peerTrusted: true })).toBe("203.0.113.7");
    }
  });

  it("is the Nth address from the right of X-Forwarded-For with N trusted proxies", () => {
    // client 203.0.113.7 → proxy 10.0.0.5 → proxy 10.0.0.6 → app
    expect(clientAddress(from("10.0.0.6", "203.0.113.7, 10.0.0.5"), { hops: 2, peerTrusted: true })).toBe("203.0.113.7");
    expect(clientAddress(from("10.0.0.6", "203.0.113.7"), { hops: 1, peerTrusted: true })).toBe("203.0.113.7");
    // What the client wrote itself stays on the left, untrusted.
    expect(clientAddress(from("10.0.0.6", "198.51.100.1, 203.0.113.7"), { hops: 1, peerTrusted: true })).toBe("203.0.113.7");
    expect(clientAddress(from("10.0.0.6", "198.51.100.1, 203.0.113.7, 10.0.0.5"), { hops: 2, peerTrusted: true })).toBe("203.0.113.7");
  });

  it("falls back to the peer when the chain is shorter than the trusted hops or the entry is not an address", () => {
    expect(clientAddress(from("10.0.0.6"), { hops: 1, peerTrusted: true })).toBe("10.0.0.6");
    expect(clientAddress(from("10.0.0.6", "203.0.113.7"), { hops: 3, peerTrusted: true })).toBe("10.0.0.6");
    expect(clientAddress(from("10.0.0.6", "<script>alert(1)</script>"), { hops: 1, peerTrusted: true })).toBe("10.0.0.6");
  });

  it("writes one address one way", () => {
    expect(clientAddress(from("::ffff:127.0.0.1"), { hops: 0, peerTrusted: true })).toBe("127.0.0.1");
    expect(clientAddress(from("10.0.0.6", "[2001:DB8::1]"), { hops: 1, peerTrusted: true })).toBe("2001:db8::1");
  });

  it("trusts no header at all when the app's own server did not set the peer", () => {
    expect(clientAddress(from("203.0.113.7", "198.51.100.1"), { hops: 1, peerTrusted: false })).toBe(UNKNOWN_ADDRESS);
    expect(clientAddress({}, { hops: 0 })).toBe(UNKNOWN_ADDRESS);
    expect(clientAddress(from("not-an-address"), { hops: 0, peerTrusted: true })).toBe(UNKNOWN_ADDRESS);
  });
});

describe("trustedProxyHops", () => {
  it("is 0 unless set, and refuses anything but a small whole number", () => {
    expect(trustedProxyHops({})).toBe(0);
    expect(trustedProxyHops({ TRUST_PROXY_HOPS: "" })).toBe(0);
    expect(trustedProxyHops({ TRUST_PROXY_HOPS: "2" })).toBe(2);
    for (const bad of ["-1", "1.5", "many", "11"]) expect(() => trustedProxyHops({ TRUST_PROXY_HOPS: bad })).toThrow(/TRUST_PROXY_HOPS/);
  });
});
