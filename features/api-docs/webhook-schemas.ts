// The outgoing webhooks' parts of the API document: their schemas and their paths.
import { webhookCreateInput, webhookScheduleInput, webhookUpdateInput } from "@/features/webhooks/schemas";
import { WEBHOOK_EVENT_TYPES } from "@/lib/jobs/events";
import { requestSchema } from "./document-components";
import { nullable, type PathHelpers } from "./schema-parts";

const instant = { type: "string", format: "date-time" };
const withEventNames = (schema: Record<string, unknown>) => {
  const properties = schema.properties as Record<string, Record<string, unknown>>;
  return { ...schema, properties: { ...properties, events: { ...properties.events, items: { type: "string", enum: [...WEBHOOK_EVENT_TYPES] } } } };
};
const deliveryStatus = { type: "string", enum: ["PENDING", "RETRYING", "DELIVERED", "FAILED", "SKIPPED"] };

const webhookProperties = {
  id: { type: "string", format: "uuid" },
  url: { type: "string" },
  events: { type: "array", items: { type: "string", enum: [...WEBHOOK_EVENT_TYPES] } },
  format: { type: "string", enum: ["json", "slack"], description: "json: signed with X-Ops-Review-Signature; slack: Block Kit" },
  status: { type: "string", enum: ["active", "paused"] },
  pausedAt: { ...nullable("string"), format: "date-time" },
  pausedReason: { ...nullable("string"), description: "Why it stopped receiving, in words: paused by an ADMIN or after deliveries kept failing" },
  consecutiveFailures: { type: "integer", description: "Deliveries failed in a row since the last one that arrived" },
  version: { type: "integer", description: "Also the ETag; PATCH must send it as If-Match" },
  createdAt: instant,
  updatedAt: instant,
  lastDelivery: {
    type: ["object", "null"],
    properties: {
      id: { type: "string", format: "uuid" },
      eventType: { type: "string" },
      status: deliveryStatus,
      createdAt: instant,
      finishedAt: { ...nullable("string"), format: "date-time" },
    },
  },
};

export const webhookComponents = {
  WebhookInput: withEventNames(requestSchema(webhookCreateInput)),
  WebhookPatch: withEventNames(requestSchema(webhookUpdateInput)),
  Webhook: {
    type: "object",
    description: "An outgoing webhook. Its secret is never returned, except once in the answer to POST /api/v1/webhooks.",
    properties: webhookProperties,
    required: Object.keys(webhookProperties),
  },
  NewWebhook: {
    type: "object",
    description: "The webhook just added, with its signing secret: shown this once, never again",
    properties: { ...webhookProperties, secret: { type: "string" } },
    required: [...Object.keys(webhookProperties), "secret"],
  },
  WebhookDelivery: {
    type: "object",
    properties: {
      id: { type: "string", format: "uuid" },
      eventType: { type: "string" },
      status: deliveryStatus,
      attempts: { type: "integer", description: "Attempts made so far" },
      createdAt: instant,
      finishedAt: { ...nullable("string"), format: "date-time" },
      nextAttemptAt: { ...nullable("string"), format: "date-time" },
      attemptLog: {
        type: "array",
        items: {
          type: "object",
          properties: {
            attempt: { type: "integer" },
            startedAt: instant,
            durationMs: { type: "integer" },
            statusCode: nullable("integer"),
            error: nullable("string"),
            retryAt: { ...nullable("string"), format: "date-time" },
          },
        },
      },
    },
  },
  WebhookScheduleInput: requestSchema(webhookScheduleInput),
  WebhookSchedule: {
    type: "object",
    description: "When the weekly digest and the weekday action-item reminders go out, in the organisation's time zone",
    properties: {
      digestWeekday: { type: "integer", minimum: 1, maximum: 7, description: "ISO weekday, 1 = Monday" },
      digestHour: { type: "integer", minimum: 0, maximum: 23 },
      reminderHour: { type: "integer", minimum: 0, maximum: 23 },
      version: { type: "integer", description: "Also the ETag; send it as If-Match to save only over this version" },
      updatedAt: { ...nullable("string"), format: "date-time" },
    },
  },
};

type Helpers = PathHelpers<keyof typeof webhookComponents>;

/** The /api/v1/webhooks paths, all ADMIN. */
export function webhookPaths({ ref, json, problem, refusals }: Helpers) {
  const id = { name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } };
  const ifMatch = (required: boolean) => ({ name: "If-Match", in: "header", required, schema: { type: "string" }, description: 'The ETag of GET, e.g. "3"' });
  const body = (name: keyof typeof webhookComponents) => ({ required: true, content: json(ref(name)) });
  const conflict = problem("If-Match names an older version: the body carries currentVersion and the current record");
  return {
    "/api/v1/webhooks": {
      get: {
        summary: "Every outgoing webhook (never a secret); ADMIN",
        responses: {
          200: { description: "The webhooks", content: json({ type: "object", properties: { items: { type: "array", items: ref("Webhook") } } }) },
          ...refusals,
        },
      },
      post: {
        summary: "Add a webhook; without a secret one is made (32 random bytes, base64url). The answer is the only one that holds the secret; ADMIN",
        requestBody: body("WebhookInput"),
        responses: {
          201: { description: "Added", content: json(ref("NewWebhook")) },
          400: problem("Invalid fields, named: url (also a private, loopback or link-local address), events.1, format, secret (at least 16 characters)"),
          ...refusals,
        },
      },
    },
    "/api/v1/webhooks/schedule": {
      get: {
        summary: "When the scheduled summaries go out (the defaults until saved); ADMIN",
        responses: { 200: { description: "The schedule", content: json(ref("WebhookSchedule")) }, ...refusals },
      },
      put: {
        summary: "Save when the weekly digest and the weekday reminders go out; with If-Match, only over that version; ADMIN",
        parameters: [ifMatch(false)],
        requestBody: body("WebhookScheduleInput"),
        responses: {
          200: { description: "Saved (or unchanged)", content: json(ref("WebhookSchedule")) },
          400: problem("Invalid fields, named"),
          409: conflict,
          ...refusals,
        },
      },
    },
    "/api/v1/webhooks/{id}": {
      parameters: [id],
      get: {
        summary: "One webhook: active or paused (and why), failures in a row, the latest delivery; ADMIN",
        responses: { 200: { description: "The webhook", content: json(ref("Webhook")) }, 404: problem("Unknown id"), ...refusals },
      },
      patch: {
        summary: "Edit a webhook at the If-Match version: url, events, format, a new secret, paused (resuming clears the reason and the failure count); ADMIN",
        parameters: [ifMatch(true)],
        requestBody: body("WebhookPatch"),
        responses: {
          200: { description: "Saved (or unchanged)", content: json(ref("Webhook")) },
          400: problem("Invalid fields, named"),
          404: problem("Unknown id"),
          409: conflict,
          428: problem("No If-Match header"),
          ...refusals,
        },
      },
      delete: {
        summary: "Delete a webhook and its delivery log; with If-Match, only at that version; ADMIN",
        parameters: [ifMatch(false)],
        responses: { 204: { description: "Deleted" }, 404: problem("Unknown id"), 409: conflict, ...refusals },
      },
    },
    "/api/v1/webhooks/{id}/test": {
      parameters: [id],
      post: {
        summary: "Send a test event to this webhook only, paused or not; the background job delivers it and the log shows how it went; ADMIN",
        responses: {
          202: { description: "Queued", content: json({ type: "object", properties: { eventId: { type: "string", format: "uuid" } }, required: ["eventId"] }) },
          404: problem("Unknown id"),
          ...refusals,
        },
      },
    },
    "/api/v1/webhooks/{id}/deliveries": {
      parameters: [id],
      get: {
        summary: "The webhook's delivery log, newest first, each delivery with its attempts; ADMIN",
        parameters: [
          { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 100 }, description: "Page size (25 by default)" },
          { name: "before", in: "query", schema: { type: "string" }, description: "nextCursor of the previous page" },
        ],
        responses: {
          200: {
            description: "A page",
            content: json({
              type: "object",
              properties: { items: { type: "array", items: ref("WebhookDelivery") }, nextCursor: { type: ["string", "null"] } },
            }),
          },
          400: problem("A bad parameter, named"),
          404: problem("Unknown id"),
          ...refusals,
        },
      },
    },
  };
}
