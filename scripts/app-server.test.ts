import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PEER_ADDRESS_HEADER } from "@/lib/auth/client-address";
import { listenHost, stampPeerAddress } from "./app-server";

describe("stampPeerAddress", () => {
  let server: http.Server;
  let port: number;
  beforeAll(async () => {
    server = http.createServer((request, response) => {
      stampPeerAddress(request);
      response.end(JSON.stringify(request.headers[PEER_ADDRESS_HEADER]));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const peerSeenWith = async (headers: Record<string, string>) => (await fetch(`http://127.0.0.1:${port}/`, { headers })).json() as Promise<unknown>;

  it("replaces whatever the client sent as its peer address with the socket's", async () => {
    expect(await peerSeenWith({})).toBe("127.0.0.1");
    expect(await peerSeenWith({ [PEER_ADDRESS_HEADER]: "203.0.113.9" })).toBe("127.0.0.1");
    expect(await peerSeenWith({ [PEER_ADDRESS_HEADER.toUpperCase()]: "203.0.113.9", "x-forwarded-for": "203.0.113.9" })).toBe("127.0.0.1");
  });
});

describe("listenHost", () => {
  it("is loopback in demo mode unless HOST is set, and every interface otherwise", () => {
    expect(listenHost(undefined, true)).toBe("127.0.0.1");
    expect(listenHost("", true)).toBe("127.0.0.1");
    expect(listenHost("0.0.0.0", true)).toBe("0.0.0.0");
    expect(listenHost(undefined, false)).toBeUndefined();
    expect(listenHost("10.0.0.2", false)).toBe("10.0.0.2");
  });
});
