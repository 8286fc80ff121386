import { randomBytes } from "node:crypto";
import { isDeepStrictEqual } from "node:util";
import { auditEventData } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { assertMay } from "@/lib/auth/assert-may";
import type { Database } from "@/lib/db/client";
import { auditVersionedUpdate } from "@/lib/db/versioned-update";
import { NotFoundError, StaleVersionError, ValidationError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordEvent, TEST_EVENT_TYPE } from "@/lib/jobs/events";
import { isUuid } from "@/lib/uuid";
import { fieldErrorsOf, type FieldErrors } from "@/lib/validation";
import { findWebhook, type WebhookView } from "../reads";
import { eventErrors, webhookCreateInput, webhookUpdateInput } from "../schemas";
import { webhookUrlErrors } from "../url-check";

export const WEBHOOK_ENTITY_TYPE = "Webhook";

/** Refused because someone saved the webhook after the edit's version: what it is now. */
export class WebhookVersionConflictError extends StaleVersionError<WebhookView> {
  constructor(current: WebhookView, yourVersion: number) {
    super(
      `The webhook is at version ${current.version}, but this edit is based on version ${yourVersion}: someone saved first. Nothing was saved.`,
      current,
      yourVersion,
    );
  }
}

/** A new signing secret: 32 random bytes, base64url. */
export const generateWebhookSecret = () => randomBytes(32).toString("base64url");

/** The input checked beyond its shape: each event by its place, the address against the guard. */
async function checkFields(input: { url?: string; events?: string[] }): Promise<void> {
  const errors: FieldErrors = {
    ...(input.url === undefined ? {} : await webhookUrlErrors(input.url)),
    ...(input.events === undefined ? {} : eventErrors(input.events)),
  };
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);
}

function parse<T>(schema: { safeParse: (raw: unknown) => { success: true; data: T } | { success: false; error: import("zod").ZodError } }, raw: unknown): T {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new ValidationError(fieldErrorsOf(parsed.error));
  return parsed.data;
}

/** Adds a webhook (ADMIN). The answer holds the secret: the only time it is ever shown. */
export async function createWebhook(db: Database, actor: Actor, raw: unknown): Promise<{ webhook: WebhookView; secret: string }> {
  assertMay(actor, "settings:manage", "add a webhook");
  const input = parse(webhookCreateInput, raw);
  await checkFields(input);
  const secret = input.secret ?? generateWebhookSecret();
  return db.$transaction(async (tx) => {
    const { id } = await tx.webhook.create({
      data: { url: input.url, events: input.events, format: input.format, secret, createdById: actor.userId },
      select: { id: true },
    });
    await tx.auditEvent.create({
      data: auditEventData(actor, {
        action: "webhook.create",
        entityType: WEBHOOK_ENTITY_TYPE,
        entityId: id,
        changes: { url: input.url, events: input.events, format: input.format, secret: input.secret ? "given" : "generated" },
      }),
      select: { id: true },
    });
    return { webhook: (await findWebhook(tx, id))!, secret };
  });
}

/** The webhook's row, locked for the edit; 404 when unknown, 409 when `expectedVersion` is stale. */
async function lockWebhook(tx: Prisma.TransactionClient, id: string, expectedVersion: number | undefined) {
  const [row] = isUuid(id) ? await tx.$queryRaw<{ version: number }[]>`SELECT version FROM webhooks WHERE id = ${id}::uuid FOR UPDATE` : [];
  const current = row ? await findWebhook(tx, id) : null;
  if (!row || !current) throw new NotFoundError(`No webhook with id "${id}".`);
  if (expectedVersion !== undefined && row.version !== expectedVersion) throw new WebhookVersionConflictError(current, expectedVersion);
  return current;
}

/**
 * Edits a webhook (ADMIN) based on `expectedVersion`: url, events, format, a new secret
 * (audited as "replaced"), `paused` (resuming clears the reason and the failure count).
 */
export async function updateWebhook(db: Database, actor: Actor, id: string, raw: unknown, expectedVersion: number): Promise<WebhookView> {
  assertMay(actor, "settings:manage", "change a webhook");
  const input = parse(webhookUpdateInput, raw);
  await checkFields(input);
  return db.$transaction(async (tx) => {
    const before = await lockWebhook(tx, id, expectedVersion);
    const changes: Record<string, unknown> = {};
    const data: Prisma.WebhookUpdateInput = {};
    if (input.url !== undefined && input.url !== before.url) changes.url = { from: before.url, to: (data.url = input.url) };
    if (input.events !== undefined && !isDeepStrictEqual(input.events, before.events))
      changes.events = { from: before.events, to: (data.events = input.events) };
    if (input.format !== undefined && input.format !== before.format) changes.format = { from: before.format, to: (data.format = input.format) };
    if (input.secret !== undefined) {
      data.secret = input.secret;
      changes.secret = "replaced";
    }
    if (input.paused === true && before.status === "active") {
      Object.assign(data, { pausedAt: new Date(), pausedReason: `Paused by ${actor.label}` });
      changes.status = { from: "active", to: "paused" };
    } else if (input.paused === false && before.status === "paused") {
      Object.assign(data, { pausedAt: null, pausedReason: null, consecutiveFailures: 0 });
      changes.status = { from: "paused", to: "active" };
    }
    if (Object.keys(changes).length === 0) return before;
    await tx.webhook.update({ where: { id }, data: { ...data, version: { increment: 1 }, updatedAt: new Date() }, select: { id: true } });
    await auditVersionedUpdate(tx, actor, { action: "webhook.update", entityType: WEBHOOK_ENTITY_TYPE, entityId: id, version: before.version, changes });
    return (await findWebhook(tx, id))!;
  });
}

/** Deletes a webhook and its delivery log (ADMIN); with `expectedVersion`, only that version. */
export async function deleteWebhook(db: Database, actor: Actor, id: string, expectedVersion?: number): Promise<void> {
  assertMay(actor, "settings:manage", "delete a webhook");
  await db.$transaction(async (tx) => {
    const before = await lockWebhook(tx, id, expectedVersion);
    await tx.webhook.delete({ where: { id }, select: { id: true } });
    await tx.auditEvent.create({
      data: auditEventData(actor, {
        action: "webhook.delete",
        entityType: WEBHOOK_ENTITY_TYPE,
        entityId: id,
        changes: { url: before.url, events: before.events, format: before.format },
      }),
      select: { id: true },
    });
  });
}

/** Queues a test event for this webhook only, paused or not (ADMIN); the background job sends it. */
export async function sendTestEvent(db: Database, actor: Actor, id: string): Promise<{ eventId: string }> {
  assertMay(actor, "settings:manage", "send a test to a webhook");
  return db.$transaction(async (tx) => {
    await lockWebhook(tx, id, undefined);
    const eventId = await recordEvent(tx, { type: TEST_EVENT_TYPE, subject: { webhookId: id }, webhookId: id });
    if (!eventId) throw new NotFoundError(`No webhook with id "${id}".`);
    return { eventId };
  });
}
