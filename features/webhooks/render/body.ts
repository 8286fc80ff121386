// The body a delivery sends, in the webhook's format.
import { renderJsonBody } from "./json";
import { renderSlackMessage } from "./slack";
import type { EventData, WebhookEventInput } from "./types";

export type WebhookFormat = "json" | "slack";

export function renderBody(format: WebhookFormat, event: WebhookEventInput, data: EventData): string {
  return format === "slack" ? JSON.stringify(renderSlackMessage(event, data)) : renderJsonBody(event, data);
}
