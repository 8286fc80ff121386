// Which addresses a webhook may be sent to: private, loopback, link-local and other special
// ranges are refused (unless WEBHOOK_ALLOW_PRIVATE_NETWORKS=1), so a webhook URL cannot reach
// the app's own network or a cloud metadata service. `send.ts` checks every address it connects
// to (after DNS and after each redirect); `checkWebhookUrl` answers a form's `url` field.
import { promises as dns } from "node:dns";
import { BlockList, isIP } from "node:net";

type Range = { kind: string; family: "ipv4" | "ipv6"; network: string; prefix: number };

const RANGES: Range[] = [
  { kind: "a reserved (this network)", family: "ipv4", network: "0.0.0.0", prefix: 8 },
  { kind: "a private", family: "ipv4", network: "10.0.0.0", prefix: 8 },
  { kind: "a shared (carrier-grade NAT)", family: "ipv4", network: "100.64.0.0", prefix: 10 },
  { kind: "a loopback", family: "ipv4", network: "127.0.0.0", prefix: 8 },
  { kind: "a link-local", family: "ipv4", network: "169.254.0.0", prefix: 16 },
  { kind: "a private", family: "ipv4", network: "172.16.0.0", prefix: 12 },
  { kind: "a reserved (protocol assignments)", family: "ipv4", network: "192.0.0.0", prefix: 24 },
  { kind: "a private", family: "ipv4", network: "192.168.0.0", prefix: 16 },
  { kind: "a reserved (benchmarking)", family: "ipv4", network: "198.18.0.0", prefix: 15 },
  { kind: "a multicast", family: "ipv4", network: "224.0.0.0", prefix: 4 },
  { kind: "the broadcast", family: "ipv4", network: "255.255.255.255", prefix: 32 },
  { kind: "a reserved", family: "ipv4", network: "240.0.0.0", prefix: 4 },
  { kind: "the unspecified", family: "ipv6", network: "::", prefix: 128 },
  { kind: "a loopback", family: "ipv6", network: "::1", prefix: 128 },
  { kind: "a private (unique local)", family: "ipv6", network: "fc00::", prefix: 7 },
  { kind: "a link-local", family: "ipv6", network: "fe80::", prefix: 10 },
  { kind: "a multicast", family: "ipv6", network: "ff00::", prefix: 8 },
];

const LISTS = RANGES.map((range) => {
  const list = new BlockList();
  list.addSubnet(range.network, range.prefix, range.family);
  return { kind: range.kind, family: range.family, list };
});

/** The IPv4 address inside an IPv4-mapped IPv6 address (::ffff:a.b.c.d), or null. */
function mappedIpv4(ipv6: string): string | null {
  // The URL parser writes every IPv6 address one way: ::ffff:7f00:1 for ::ffff:127.0.0.1.
  const canonical = new URL(`http://[${ipv6}]/`).hostname.slice(1, -1);
  const match = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(canonical);
  if (!match) return null;
  const [high, low] = [match[1], match[2]].map((group) => parseInt(group ?? "", 16)) as [number, number];
  return [high >> 8, high & 255, low >> 8, low & 255].join(".");
}

function refusedKind(ip: string, family: "ipv4" | "ipv6"): string | null {
  return LISTS.find((entry) => entry.family === family && entry.list.check(ip, family))?.kind ?? null;
}

/**
 * Why a webhook may not be sent to this IP address ("127.0.0.1 is a loopback address"), or null
 * when it may. An IPv4-mapped IPv6 address is judged by its IPv4 address; anything that is not
 * an IP address is refused.
 */
export function addressRefusal(address: string): string | null {
  const ip = address.replace(/^\[(.*)\]$/, "$1").replace(/%.*$/, "");
  const family = isIP(ip);
  if (family === 4) {
    const kind = refusedKind(ip, "ipv4");
    return kind === null ? null : `${ip} is ${kind} address`;
  }
  if (family === 6) {
    const ipv4 = mappedIpv4(ip);
    const kind = ipv4 === null ? refusedKind(ip, "ipv6") : refusedKind(ipv4, "ipv4");
    if (kind === null) return null;
    return ipv4 === null ? `${ip} is ${kind} address` : `${ip} is ${kind} address (${ipv4})`;
  }
  return `${address} is not an IP address`;
}

const MAX_URL_LENGTH = 2000;

/**
 * Why `url` may not be a webhook's address, or null when it may: not an absolute http(s) URL,
 * credentials in it, too long, or an IP address (given, or any that its host name resolves to)
 * in a refused range. A host name that does not resolve is accepted; its deliveries will say so.
 */
export async function checkWebhookUrl(url: string, options: { allowPrivateNetworks: boolean }): Promise<string | null> {
  if (url.length > MAX_URL_LENGTH) return `The URL may be at most ${MAX_URL_LENGTH} characters long.`;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return "Enter a full URL, starting with https:// or http://.";
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return "The URL must start with https:// or http://.";
  if (parsed.username !== "" || parsed.password !== "") return "The URL may not contain a user name or password.";
  if (parsed.hostname === "") return "The URL must name a host.";
  if (options.allowPrivateNetworks) return null;
  const host = parsed.hostname.replace(/^\[|\]$/g, "");
  if (isIP(host) !== 0) {
    const refusal = addressRefusal(host);
    return refusal === null ? null : `Webhooks may not be sent to private or internal addresses: ${refusal}.`;
  }
  let addresses: { address: string }[];
  try {
    addresses = await dns.lookup(host, { all: true, verbatim: true });
  } catch {
    return null;
  }
  for (const { address } of addresses) {
    const refusal = addressRefusal(address);
    if (refusal !== null) return `Webhooks may not be sent to private or internal addresses: ${host} resolves to ${address}, and ${refusal}.`;
  }
  return null;
}
