import { isIP } from "node:net";
import { z } from "zod";

/**
 * The request header in which the app's own HTTP server (scripts/serve.ts) passes on the
 * address of the socket's other end. The server sets it on every request, replacing whatever
 * a client sent under that name; Next.js itself gives route handlers no peer address.
 */
export const PEER_ADDRESS_HEADER = "x-ops-review-peer-address";

/** Set by scripts/serve.ts in its own process, which no request can reach. */
const SERVER_MARK = Symbol.for("ops-review.peer-address-header");

export function markPeerAddressHeaderTrusted(): void {
  (globalThis as Record<symbol, unknown>)[SERVER_MARK] = true;
}

const peerAddressHeaderTrusted = () => (globalThis as Record<symbol, unknown>)[SERVER_MARK] === true;

/** Shared by every client when the app is served some other way (`next dev`, bare `next start`). */
export const UNKNOWN_ADDRESS = "unknown";

const hopsSchema = z.coerce.number().int().min(0).max(10).default(0);

/** TRUST_PROXY_HOPS: how many proxies in front of the app append to X-Forwarded-For (0: none, the header is ignored). */
export function trustedProxyHops(env: Partial<Record<string, string>> = process.env): number {
  const parsed = hopsSchema.safeParse(env.TRUST_PROXY_HOPS === "" ? undefined : env.TRUST_PROXY_HOPS);
  if (!parsed.success) throw new Error("Invalid environment: TRUST_PROXY_HOPS must be a whole number from 0 to 10");
  return parsed.data;
}

type HeaderSource = Record<string, string | string[] | undefined> | Headers | undefined;

function header(headers: HeaderSource, name: string): string {
  const raw = headers instanceof Headers ? headers.get(name) : headers?.[name];
  return Array.isArray(raw) ? raw.join(",") : (raw ?? "");
}

/** An IP address in one spelling ("::ffff:10.0.0.1" is 10.0.0.1), or null for anything else. */
function normalised(address: string): string | null {
  const bare = address.trim().replace(/^\[(.*)\]$/, "$1");
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare)?.[1];
  const candidate = mapped ?? bare;
  return isIP(candidate) ? candidate.toLowerCase() : null;
}

/**
 * The client's address for per-address sign-in throttling. The socket's peer is the one
 * address no client can choose. With `hops` trusted proxies in front, each appends the
 * address it received the request from to X-Forwarded-For, so the client is `hops` entries
 * from the right of [...X-Forwarded-For, peer]; entries further left are the client's own
 * claims. A chain shorter than that, or an entry that is not an IP address, means the request
 * did not come through the proxies as configured: the peer is used.
 */
export function clientAddress(headers: HeaderSource, options: { hops?: number; peerTrusted?: boolean } = {}): string {
  const peerTrusted = options.peerTrusted ?? peerAddressHeaderTrusted();
  const peer = peerTrusted ? normalised(header(headers, PEER_ADDRESS_HEADER)) : null;
  if (!peer) return UNKNOWN_ADDRESS;
  const hops = options.hops ?? trustedProxyHops();
  if (hops === 0) return peer;
  const forwarded = header(headers, "x-forwarded-for")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  const chain = [...forwarded, peer];
  const index = chain.length - 1 - hops;
  return (index >= 0 && normalised(chain[index]!)) || peer;
}
