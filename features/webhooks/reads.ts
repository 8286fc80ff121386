import type { Database } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { isUuid } from "@/lib/uuid";
import { DEFAULT_DELIVERY_PAGE, DEFAULT_WEBHOOK_SCHEDULE, type WebhookFormat } from "./schemas";

type Reader = Pick<Database, "webhook" | "webhookDelivery" | "webhookSchedule"> | Prisma.TransactionClient;

/** What the newest delivery of a webhook came to. */
export type LastDeliveryView = { id: string; eventType: string; status: string; createdAt: string; finishedAt: string | null };

/** A webhook as pages and the API show it: never its secret. */
export type WebhookView = {
  id: string;
  url: string;
  events: string[];
  format: WebhookFormat;
  status: "active" | "paused";
  pausedAt: string | null;
  pausedReason: string | null;
  consecutiveFailures: number;
  version: number;
  createdAt: string;
  updatedAt: string;
  lastDelivery: LastDeliveryView | null;
};

export type WebhookAttemptView = {
  attempt: number;
  startedAt: string;
  durationMs: number;
  statusCode: number | null;
  error: string | null;
  retryAt: string | null;
};

export type WebhookDeliveryView = {
  id: string;
  eventType: string;
  status: string;
  attempts: number;
  createdAt: string;
  finishedAt: string | null;
  nextAttemptAt: string | null;
  attemptLog: WebhookAttemptView[];
};

export type WebhookScheduleView = { digestWeekday: number; digestHour: number; reminderHour: number; version: number; updatedAt: string | null };

// The columns a view reads; the secret is not among them.
const WEBHOOK_COLUMNS = {
  id: true,
  url: true,
  events: true,
  format: true,
  pausedAt: true,
  pausedReason: true,
  consecutiveFailures: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  deliveries: {
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 1,
    select: { id: true, eventType: true, status: true, createdAt: true, finishedAt: true },
  },
} as const satisfies Prisma.WebhookSelect;

type WebhookRow = Prisma.WebhookGetPayload<{ select: typeof WEBHOOK_COLUMNS }>;

const iso = (date: Date | null) => date?.toISOString() ?? null;

export function toWebhookView(row: WebhookRow): WebhookView {
  const last = row.deliveries[0];
  return {
    id: row.id,
    url: row.url,
    events: row.events,
    format: row.format === "slack" ? "slack" : "json",
    status: row.pausedAt ? "paused" : "active",
    pausedAt: iso(row.pausedAt),
    pausedReason: row.pausedReason,
    consecutiveFailures: row.consecutiveFailures,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    lastDelivery: last
      ? { id: last.id, eventType: last.eventType, status: last.status, createdAt: last.createdAt.toISOString(), finishedAt: iso(last.finishedAt) }
      : null,
  };
}

/** Every webhook, oldest first. */
export async function listWebhooks(db: Reader): Promise<WebhookView[]> {
  const rows = await db.webhook.findMany({ orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: WEBHOOK_COLUMNS });
  return rows.map(toWebhookView);
}

/** One webhook by id; null for an unknown (or malformed) id. */
export async function findWebhook(db: Reader, id: string): Promise<WebhookView | null> {
  if (!isUuid(id)) return null;
  const row = await db.webhook.findUnique({ where: { id }, select: WEBHOOK_COLUMNS });
  return row ? toWebhookView(row) : null;
}

/** Where a page of the delivery log ends: the last delivery's time and id. */
export type DeliveryPosition = { createdAt: Date; id: string };

export const encodeDeliveryCursor = (position: DeliveryPosition) =>
  Buffer.from(JSON.stringify({ t: position.createdAt.toISOString(), i: position.id })).toString("base64url");

/** The position a cursor names; null for anything that is not a cursor of this list. */
export function decodeDeliveryCursor(cursor: string): DeliveryPosition | null {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (!parsed || typeof parsed !== "object") return null;
    const { t, i } = parsed as { t?: unknown; i?: unknown };
    if (typeof t !== "string" || typeof i !== "string" || !isUuid(i)) return null;
    const createdAt = new Date(t);
    return Number.isNaN(createdAt.getTime()) ? null : { createdAt, id: i };
  } catch {
    return null;
  }
}

export type DeliveryPage = { items: WebhookDeliveryView[]; nextCursor: string | null };

/** A webhook's deliveries, newest first, with their attempts in order; `before` continues after a page. */
export async function listDeliveries(db: Reader, webhookId: string, page: { limit?: number; before?: DeliveryPosition | null } = {}): Promise<DeliveryPage> {
  const limit = page.limit ?? DEFAULT_DELIVERY_PAGE;
  const before = page.before;
  const rows = await db.webhookDelivery.findMany({
    where: {
      webhookId,
      ...(before ? { OR: [{ createdAt: { lt: before.createdAt } }, { createdAt: before.createdAt, id: { lt: before.id } }] } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: {
      id: true,
      eventType: true,
      status: true,
      attempts: true,
      createdAt: true,
      finishedAt: true,
      nextAttemptAt: true,
      attemptLog: {
        orderBy: { attempt: "asc" },
        select: { attempt: true, startedAt: true, durationMs: true, statusCode: true, error: true, retryAt: true },
      },
    },
  });
  const shown = rows.slice(0, limit);
  const last = shown.at(-1);
  return {
    items: shown.map((row) => ({
      id: row.id,
      eventType: row.eventType,
      status: row.status,
      attempts: row.attempts,
      createdAt: row.createdAt.toISOString(),
      finishedAt: iso(row.finishedAt),
      nextAttemptAt: iso(row.nextAttemptAt),
      attemptLog: row.attemptLog.map((a) => ({ ...a, startedAt: a.startedAt.toISOString(), retryAt: iso(a.retryAt) })),
    })),
    nextCursor: rows.length > limit && last ? encodeDeliveryCursor(last) : null,
  };
}

/** When the scheduled summaries go out; the defaults (version 1) before anyone saved. */
export async function readWebhookSchedule(db: Reader): Promise<WebhookScheduleView> {
  const row = await db.webhookSchedule.findUnique({
    where: { id: 1 },
    select: { digestWeekday: true, digestHour: true, reminderHour: true, version: true, updatedAt: true },
  });
  if (!row) return { ...DEFAULT_WEBHOOK_SCHEDULE, version: 1, updatedAt: null };
  return { ...row, updatedAt: iso(row.updatedAt) };
}
