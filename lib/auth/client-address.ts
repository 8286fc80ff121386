/**
 * The client's address as our own server saw it: the last X-Forwarded-For entry, which the
 * Next.js server (or the load balancer in front of it) appends; earlier entries are the
 * client's own claims and are not trusted.
 */
export function clientAddress(headers: Record<string, string | string[] | undefined> | Headers | undefined): string {
  const raw = headers instanceof Headers ? headers.get("x-forwarded-for") : headers?.["x-forwarded-for"];
  const value = Array.isArray(raw) ? raw.join(",") : (raw ?? "");
  return value.split(",").map((part) => part.trim()).filter(Boolean).at(-1) ?? "unknown";
}
