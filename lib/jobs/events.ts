// Events that outgoing webhooks are told of. The change that causes one records it in its own
// transaction (`recordEvent`); a job then renders it for each webhook that takes it.
import type { Database } from "@/lib/db/client";

export const WEBHOOK_EVENT_TYPES = [
  "incident.sev1_filed",
  "incident.mitigated",
  "postmortem.published",
  "review.prepared",
  "review.digest",
  "action_items.due",
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** Sent only to the webhook whose test button was pressed. */
export const TEST_EVENT_TYPE = "webhook.test";

export const WEBHOOK_EVENT_LABELS: Record<WebhookEventType | typeof TEST_EVENT_TYPE, string> = {
  "incident.sev1_filed": "Sev1 filed",
  "incident.mitigated": "Incident mitigated",
  "postmortem.published": "Postmortem published",
  "review.prepared": "Review prepared",
  "review.digest": "Weekly digest",
  "action_items.due": "Action items due",
  "webhook.test": "Test",
};

/** The job that renders an event for every webhook that takes it (features/webhooks/tasks). */
export const FAN_OUT_TASK = "webhooks:fan-out";

export type EventSubject = { incidentId: string } | { reviewId: string; week: string } | { week: string } | { date: string } | { webhookId: string };

export type RecordedEvent = {
  type: WebhookEventType | typeof TEST_EVENT_TYPE;
  subject: EventSubject;
  /** Once ever per key: the digest of a week, the reminders of a day. */
  dedupeKey?: string;
  /** Only this webhook, paused or not (the test button). */
  webhookId?: string;
  occurredAt?: Date;
};

type Sql = Pick<Database, "$queryRaw">;

/**
 * Records an event and queues its fan-out, in the caller's transaction, when some webhook takes
 * it: one statement, so the user's action never waits on a receiver. Returns the event's id, or
 * null when no webhook takes it or its key was used before.
 */
export async function recordEvent(sql: Sql, event: RecordedEvent): Promise<string | null> {
  const rows = await sql.$queryRaw<{ id: string }[]>`
    WITH event AS (
      INSERT INTO webhook_events (id, type, subject, dedupe_key, webhook_id, occurred_at)
      SELECT gen_random_uuid(), ${event.type}, ${JSON.stringify(event.subject)}::jsonb, ${event.dedupeKey ?? null}, ${event.webhookId ?? null}::uuid,
             ${event.occurredAt ?? new Date()}::timestamptz
      WHERE EXISTS (
        SELECT 1 FROM webhooks w
        WHERE (${event.webhookId ?? null}::uuid IS NOT NULL AND w.id = ${event.webhookId ?? null}::uuid)
           OR (${event.webhookId ?? null}::uuid IS NULL AND w.paused_at IS NULL AND ${event.type} = ANY (w.events))
      )
      ON CONFLICT (dedupe_key) DO NOTHING
      RETURNING id
    )
    SELECT event.id::text AS id, graphile_worker.add_job(${FAN_OUT_TASK}::text, json_build_object('eventId', event.id), max_attempts => 10) IS NOT NULL AS queued
    FROM event`;
  return rows[0]?.id ?? null;
}

type IncidentState = { severity: string; mitigatedAt?: Date | string | null };

/**
 * The events a write of an incident causes, each at most once per incident: `incident.sev1_filed`
 * when it is filed as a Sev1 or raised to one, `incident.mitigated` when it is first mitigated.
 * `before` is null for a new incident.
 */
export async function recordIncidentEvents(sql: Sql, incidentId: string, before: IncidentState | null, after: IncidentState, at: Date): Promise<void> {
  if (after.severity === "SEV1" && before?.severity !== "SEV1") {
    await recordEvent(sql, { type: "incident.sev1_filed", subject: { incidentId }, dedupeKey: `incident.sev1_filed:${incidentId}`, occurredAt: at });
  }
  if (after.mitigatedAt && !before?.mitigatedAt) {
    await recordEvent(sql, { type: "incident.mitigated", subject: { incidentId }, dedupeKey: `incident.mitigated:${incidentId}`, occurredAt: at });
  }
}
