export const WEBHOOK_PATH = "/api/v1/integrations/pagerduty/webhook";

/**
 * The address PagerDuty posts to, as the admin reached this app: the request's host, behind a
 * proxy the scheme it forwarded. Only the first of a list of forwarded values counts.
 */
export function webhookUrlOf(request: { host: string | null; forwardedProto: string | null; forwardedHost?: string | null }): string {
  const first = (value: string | null | undefined) => value?.split(",")[0]?.trim() || null;
  const host = first(request.forwardedHost) ?? first(request.host) ?? "localhost";
  const proto = first(request.forwardedProto);
  const scheme = proto === "https" || proto === "http" ? proto : host.startsWith("localhost") || host.startsWith("127.") ? "http" : "https";
  return `${scheme}://${host}${WEBHOOK_PATH}`;
}
