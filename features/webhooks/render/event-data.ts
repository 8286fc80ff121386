// What each webhook event says, read once per event from the app's own reads (the same shapes the
// API returns), with absolute links to the app's pages.
import { isUuid } from "@/lib/uuid";
import type { WebhookRuntime } from "../runtime";
import { actionItemsDueData } from "./due-data";
import { incidentEventData, postmortemEventData } from "./incident-data";
import { reviewDigestData, reviewPreparedData } from "./review-data";
import type { EventData, WebhookEventInput } from "./types";

export type * from "./types";

const TEST_MESSAGE = "This is a test from Ops Review";

type Subject = { incidentId?: unknown; reviewId?: unknown; week?: unknown; date?: unknown; webhookId?: unknown };
const text = (value: unknown) => (typeof value === "string" ? value : null);

/** The event's data; null when what it is about no longer exists (nothing is then sent). */
export async function buildEventData(runtime: WebhookRuntime, event: WebhookEventInput): Promise<EventData | null> {
  const { db, baseUrl } = runtime;
  const now = runtime.now();
  const subject = (typeof event.subject === "object" && event.subject !== null ? event.subject : {}) as Subject;
  const incidentId = text(subject.incidentId);
  const week = text(subject.week);
  const reviewId = text(subject.reviewId) ?? undefined;
  switch (event.type) {
    case "incident.sev1_filed":
    case "incident.mitigated":
      return incidentId ? incidentEventData(db, baseUrl, incidentId, now) : null;
    case "postmortem.published":
      return incidentId ? postmortemEventData(db, baseUrl, incidentId, now) : null;
    case "review.prepared":
      return week && reviewId ? reviewPreparedData(db, baseUrl, { week, reviewId }, now) : null;
    case "review.digest":
      return week ? reviewDigestData(db, baseUrl, { week, reviewId }, now) : null;
    case "action_items.due": {
      const date = text(subject.date);
      return date ? actionItemsDueData(db, baseUrl, date) : null;
    }
    case "webhook.test": {
      const webhookId = text(subject.webhookId);
      const webhook = webhookId && isUuid(webhookId) ? await db.webhook.findUnique({ where: { id: webhookId }, select: { id: true } }) : null;
      return webhook ? { message: TEST_MESSAGE, url: baseUrl } : null;
    }
    default:
      return null;
  }
}
