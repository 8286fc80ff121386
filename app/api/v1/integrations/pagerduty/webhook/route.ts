import { receivePagerDutyWebhook, WebhookSignatureError } from "@/features/pagerduty/mutations";
import { WEBHOOK_BODY_LIMIT_BYTES } from "@/features/pagerduty/webhook";
import { db } from "@/lib/db";
import { readCapped } from "@/lib/http/api-route";
import { PayloadTooLargeError, problem, problemFromError } from "@/lib/http/problem";

export const dynamic = "force-dynamic";

/**
 * PagerDuty's V3 webhook deliveries. No bearer token: the X-PagerDuty-Signature header over
 * the raw body is the credential (401 when it matches no configured secret). 200 when the
 * event was stored, 202 with the reason when it was not for this app.
 */
export async function POST(request: Request): Promise<Response> {
  try {
    const announced = Number(request.headers.get("content-length") ?? NaN);
    if (Number.isFinite(announced) && announced > WEBHOOK_BODY_LIMIT_BYTES) throw new PayloadTooLargeError(WEBHOOK_BODY_LIMIT_BYTES);
    // The raw text, exactly as signed: parsing first and signing again would not give the same bytes.
    // Counted while read, so a chunked body with no length announced is cut off at the limit too.
    const rawBody = await readCapped(request, WEBHOOK_BODY_LIMIT_BYTES);
    const answer = await receivePagerDutyWebhook(db, rawBody, request.headers.get("x-pagerduty-signature"));
    return Response.json(answer, { status: answer.status, headers: { "cache-control": "no-store" } });
  } catch (error) {
    if (error instanceof WebhookSignatureError) return problem(401, "Unauthorized", error.message);
    return problemFromError(error, "POST /api/v1/integrations/pagerduty/webhook");
  }
}
