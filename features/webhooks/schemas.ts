import { z } from "zod";
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from "@/lib/jobs/events";
import { storableString } from "@/lib/schemas";
import { addFieldError, type FieldErrors } from "@/lib/validation";

export const WEBHOOK_FORMATS = ["json", "slack"] as const;
export type WebhookFormat = (typeof WEBHOOK_FORMATS)[number];

export const WEBHOOK_FORMAT_LABELS: Record<WebhookFormat, string> = { json: "JSON (signed)", slack: "Slack" };

export const MIN_SECRET_LENGTH = 16;
export const MAX_URL_LENGTH = 2000;

const url = storableString("must be the receiver's address (text)")
  .trim()
  .min(1, { message: "must be the receiver's address, e.g. https://hooks.example.com/ops" })
  .max(MAX_URL_LENGTH, { message: `must be at most ${MAX_URL_LENGTH} characters` });

// Each event is checked by `eventErrors`, which names the one at fault (events.1).
const events = z.array(z.string({ error: "must be event names" }), { error: "must be a list of event names" }).min(1, {
  message: "must name at least one event",
});

const format = z.enum(WEBHOOK_FORMATS, { error: 'must be "json" or "slack"' });

const secret = storableString("must be text")
  .min(MIN_SECRET_LENGTH, { message: `must be at least ${MIN_SECRET_LENGTH} characters` })
  .max(500, { message: "must be at most 500 characters" });

/** POST /api/v1/webhooks and the add form (SPEC.md, "Outgoing webhooks"). Without a secret one is made. */
export const webhookCreateInput = z.strictObject({ url, events, format, secret: secret.optional() });
export type WebhookCreateInput = z.infer<typeof webhookCreateInput>;

/** PATCH /api/v1/webhooks/{id}: any of the fields; `paused` pauses or resumes; a `secret` replaces the old one. */
export const webhookUpdateInput = z.strictObject({
  url: url.optional(),
  events: events.optional(),
  format: format.optional(),
  secret: secret.optional(),
  paused: z.boolean({ error: "must be true or false" }).optional(),
});
export type WebhookUpdateInput = z.infer<typeof webhookUpdateInput>;

const hour = (what: string) =>
  z
    .number({ error: `must be the hour of ${what}, 0 to 23` })
    .int({ message: "must be a whole hour, 0 to 23" })
    .min(0, { message: "must be 0 to 23" })
    .max(23, { message: "must be 0 to 23" });

/** PUT /api/v1/webhooks/schedule: when the weekly digest and the daily reminders go out. */
export const webhookScheduleInput = z.strictObject({
  digestWeekday: z
    .number({ error: "must be the weekday, 1 (Monday) to 7 (Sunday)" })
    .int({ message: "must be a whole number, 1 (Monday) to 7 (Sunday)" })
    .min(1, { message: "must be 1 (Monday) to 7 (Sunday)" })
    .max(7, { message: "must be 1 (Monday) to 7 (Sunday)" }),
  digestHour: hour("the digest"),
  reminderHour: hour("the reminders"),
});
export type WebhookScheduleInput = z.infer<typeof webhookScheduleInput>;

export const DEFAULT_WEBHOOK_SCHEDULE: WebhookScheduleInput = { digestWeekday: 1, digestHour: 9, reminderHour: 9 };

export const MAX_DELIVERY_PAGE = 100;
export const DEFAULT_DELIVERY_PAGE = 25;

/** The delivery log's query: `limit` (1 to 100) and `before` (the previous page's nextCursor), nothing else. */
export const deliveryListQuery = z.strictObject({
  limit: z
    .string()
    .regex(/^\d{1,3}$/, { message: `must be a whole number, 1 to ${MAX_DELIVERY_PAGE}` })
    .transform(Number)
    .refine((n) => n >= 1 && n <= MAX_DELIVERY_PAGE, { message: `must be 1 to ${MAX_DELIVERY_PAGE}` })
    .optional(),
  before: z.string().max(200, { message: "is not a cursor of this list" }).optional(),
});

const isEventType = (name: string): name is WebhookEventType => (WEBHOOK_EVENT_TYPES as readonly string[]).includes(name);

/** Each event that is not one of WEBHOOK_EVENT_TYPES, or named twice, by its place: `events.1`. */
export function eventErrors(names: string[]): FieldErrors {
  const errors: FieldErrors = {};
  names.forEach((name, index) => {
    if (!isEventType(name)) addFieldError(errors, `events.${index}`, `must be one of ${WEBHOOK_EVENT_TYPES.join(", ")}`);
    else if (names.indexOf(name) !== index) addFieldError(errors, `events.${index}`, `names ${name} a second time`);
  });
  return errors;
}
