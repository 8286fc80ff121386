// The hourly tick (TICK_TASK, from the worker's crontab): when the hour of the weekly digest or
// of the daily action-item reminders has come, in the organisation's time zone, records that
// event. Its key makes it once per week or day however many workers tick, and a week whose
// meeting already sent its digest gets no second one.
import { recordEvent } from "@/lib/jobs/events";
import { getOrganisationSettings } from "@/lib/organisation-settings";
import { addWeeks, formatIsoWeek, isoWeekOf, zonedDateString } from "@/lib/time/iso-week";
import { instantToWallTime } from "@/lib/time/zoned";
import type { WebhookRuntime } from "./runtime";

export const SCHEDULE_DEFAULTS = { digestWeekday: 1, digestHour: 9, reminderHour: 9 } as const;

/** The instant graphile-worker's crontab meant the tick for (`_cron.ts`), or now. */
function tickInstant(payload: unknown, now: Date): Date {
  const ts = (payload as { _cron?: { ts?: unknown } } | null)?._cron?.ts;
  const instant = typeof ts === "string" ? new Date(ts) : null;
  return instant && !Number.isNaN(instant.getTime()) ? instant : now;
}

export async function runScheduleTick(runtime: WebhookRuntime, payload: unknown): Promise<void> {
  const { db } = runtime;
  const at = tickInstant(payload, runtime.now());
  const { timeZone } = await getOrganisationSettings(db);
  const schedule = (await db.webhookSchedule.findUnique({ where: { id: 1 } })) ?? SCHEDULE_DEFAULTS;
  const date = zonedDateString(at, timeZone);
  const weekday = ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
  const hour = Number(instantToWallTime(at, timeZone).slice(11, 13));
  if (weekday === schedule.digestWeekday && hour === schedule.digestHour) {
    const week = formatIsoWeek(addWeeks(isoWeekOf(at, timeZone), -1));
    await recordEvent(db, { type: "review.digest", subject: { week }, dedupeKey: `review.digest:${week}`, occurredAt: at });
  }
  if (weekday <= 5 && hour === schedule.reminderHour) {
    await recordEvent(db, { type: "action_items.due", subject: { date }, dedupeKey: `action_items.due:${date}`, occurredAt: at });
  }
}
