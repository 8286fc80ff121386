// A webhook event as the signed JSON body: `{ id, type, occurredAt, data }`.
import type { EventData, WebhookEventInput } from "./types";

export function renderJsonBody(event: WebhookEventInput, data: EventData): string {
  return JSON.stringify({ id: event.id, type: event.type, occurredAt: event.occurredAt.toISOString(), data });
}
