import { auditEventData } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { assertMay } from "@/lib/auth/assert-may";
import type { Database } from "@/lib/db/client";
import { StaleVersionError, ValidationError } from "@/lib/errors";
import { fieldErrorsOf } from "@/lib/validation";
import { readWebhookSchedule, type WebhookScheduleView } from "../reads";
import { webhookScheduleInput } from "../schemas";

export const WEBHOOK_SCHEDULE_ENTITY = { entityType: "WebhookSchedule", entityId: "1" } as const;

/** Refused because someone saved the schedule after the edit's version: what it is now. */
export class WebhookScheduleVersionConflictError extends StaleVersionError<WebhookScheduleView> {
  constructor(current: WebhookScheduleView, yourVersion: number) {
    super(
      `The schedule is at version ${current.version}, but this edit is based on version ${yourVersion}: someone saved first. Nothing was saved.`,
      current,
      yourVersion,
    );
  }
}

/** Saves when the weekly digest and the daily reminders go out (ADMIN); a stale `expectedVersion` is a 409. */
export async function saveWebhookSchedule(db: Database, actor: Actor, raw: unknown, expectedVersion?: number): Promise<WebhookScheduleView> {
  assertMay(actor, "settings:manage", "change the webhook schedule");
  const parsed = webhookScheduleInput.safeParse(raw);
  if (!parsed.success) throw new ValidationError(fieldErrorsOf(parsed.error));
  const input = parsed.data;
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`INSERT INTO webhook_schedule (id) VALUES (1) ON CONFLICT (id) DO NOTHING`;
    const [row] = await tx.$queryRaw<{ version: number }[]>`SELECT version FROM webhook_schedule WHERE id = 1 FOR UPDATE`;
    const before = await readWebhookSchedule(tx);
    if (expectedVersion !== undefined && row?.version !== expectedVersion) throw new WebhookScheduleVersionConflictError(before, expectedVersion);
    const changes = Object.fromEntries(
      (["digestWeekday", "digestHour", "reminderHour"] as const)
        .filter((key) => before[key] !== input[key])
        .map((key) => [key, { from: before[key], to: input[key] }]),
    );
    if (Object.keys(changes).length === 0) return before;
    await tx.webhookSchedule.update({ where: { id: 1 }, data: { ...input, version: { increment: 1 }, updatedAt: new Date() }, select: { id: true } });
    await tx.auditEvent.create({
      data: auditEventData(actor, {
        action: "webhook.schedule.update",
        ...WEBHOOK_SCHEDULE_ENTITY,
        changes: { version: { from: before.version, to: before.version + 1 }, ...changes },
      }),
      select: { id: true },
    });
    return readWebhookSchedule(tx);
  });
}
