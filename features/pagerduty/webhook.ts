// Receiving one webhook delivery: verify, parse, then store and apply under the PagerDuty
// incident's lock (apply.ts). The order of the checks is the contract: signature first.
import type { Database } from "@/lib/db/client";
import { UnauthenticatedError, ValidationError } from "@/lib/errors";
import { MalformedJsonError, PayloadTooLargeError } from "@/lib/http/problem";
import { fieldErrorsOf } from "@/lib/validation";
import type { z } from "zod";
import { applyPagerDutyEvent, findDelivery, type StoredEvent } from "./apply";
import { readPagerDutyMapping, type PagerDutyMapping } from "./reads";
import { HANDLED_EVENT_TYPES, pagerDutyEnvelope, pagerDutyIncidentData, type HandledEventType, type PagerDutyIncidentData } from "./schemas";
import { verifyPagerDutySignature } from "./signature";

/** PagerDuty's own payloads are a few kilobytes; anything near this is not one. */
export const WEBHOOK_BODY_LIMIT_BYTES = 512 * 1024;

/** The signature header is missing, or matches none of the configured secrets (HTTP 401). */
export class WebhookSignatureError extends UnauthenticatedError {}

export type WebhookAnswer = {
  status: 200 | 202;
  outcome: "applied" | "ignored";
  /** Why the event changed nothing, or null. */
  reason: string | null;
  /** The incident the event belongs to, once there is one. */
  incident: { id: string; reference: string } | null;
  /** True when this delivery filed the incident. */
  created: boolean;
  /** True when the event had been received before (PagerDuty redelivers). */
  duplicate: boolean;
};

const notForUs = (reason: string): WebhookAnswer => ({ status: 202, outcome: "ignored", reason, incident: null, created: false, duplicate: false });

function parseOrRefuse<T>(schema: z.ZodType<T>, value: unknown, prefix: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const errors = fieldErrorsOf(parsed.error);
  throw new ValidationError(
    Object.fromEntries(
      Object.entries(errors).map(([field, messages]) => [field === "form" ? prefix || "body" : prefix ? `${prefix}.${field}` : field, messages]),
    ),
  );
}

/** Why an event cannot file a new incident under the mapping, or null when it can. */
function unmappedReason(data: PagerDutyIncidentData, mapping: PagerDutyMapping): string | null {
  const priority = data.priority?.summary ?? null;
  if (priority === null) return "the incident has no priority, and only mapped priorities file incidents";
  if (!Object.hasOwn(mapping.priorities, priority)) return `the priority ${priority} is not mapped to a severity`;
  if (!Object.hasOwn(mapping.serviceIds, data.service.id) && !mapping.defaultServiceId) {
    return `the PagerDuty service ${data.service.id} is not mapped to a service, and there is no default service`;
  }
  return null;
}

export async function receiveWebhook(db: Database, rawBody: string, signatureHeader: string | null, now: Date): Promise<WebhookAnswer> {
  if (Buffer.byteLength(rawBody, "utf8") > WEBHOOK_BODY_LIMIT_BYTES) throw new PayloadTooLargeError(WEBHOOK_BODY_LIMIT_BYTES);
  const mapping = await readPagerDutyMapping(db);
  if (!verifyPagerDutySignature(rawBody, signatureHeader, mapping.signingSecrets)) {
    throw new WebhookSignatureError(
      mapping.signingSecrets.length === 0
        ? "No signing secret is configured for PagerDuty, so no delivery can be verified."
        : signatureHeader
          ? "The X-PagerDuty-Signature header matches none of the configured signing secrets."
          : "The X-PagerDuty-Signature header is required.",
    );
  }
  let body: unknown;
  try {
    body = JSON.parse(rawBody);
  } catch {
    throw new MalformedJsonError();
  }
  const { event } = parseOrRefuse(pagerDutyEnvelope, body, "");
  if (event.resource_type !== "incident" || !(HANDLED_EVENT_TYPES as readonly string[]).includes(event.event_type)) {
    return notForUs(`events of type ${event.event_type} are not handled`);
  }
  const data = parseOrRefuse(pagerDutyIncidentData, event.data, "event.data");
  const stored: StoredEvent = { id: event.id, type: event.event_type as HandledEventType, occurredAt: event.occurred_at, data, rawData: event.data };

  // Only an event that could file the incident may when there is none yet; for an incident
  // already filed, every handled event is stored and replayed.
  const { stored: before, incident: existing } = await findDelivery(db, event.id, data.id);
  if (before && existing) return { status: 200, ...before, incident: existing, created: false, duplicate: true };
  if (!existing) {
    const reason = unmappedReason(data, mapping);
    if (reason) return notForUs(reason);
  }
  const result = await applyPagerDutyEvent(db, stored, mapping, now, existing !== null);
  if (result.kind === "refused") return notForUs(result.reason);
  return {
    status: 200,
    outcome: result.outcome.outcome,
    reason: result.outcome.reason,
    incident: result.incident,
    created: result.kind === "created",
    duplicate: result.kind === "duplicate",
  };
}
