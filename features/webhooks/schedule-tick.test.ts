import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/database";
import { DEFAULT_WEBHOOK_POLICY, type WebhookRuntime } from "./runtime";
import { runScheduleTick } from "./schedule-tick";

const { db } = useTestDatabase({
  seed: async (db) => {
    await db.organisationSettings.update({ where: { id: 1 }, data: { timeZone: "Europe/Berlin" } });
    await db.webhookSchedule.create({ data: { id: 1, digestWeekday: 1, digestHour: 9, reminderHour: 8 } });
    await db.webhook.create({
      data: { url: "https://hooks.example.com/ops", events: ["review.digest", "action_items.due"], format: "json", secret: "s".repeat(32) },
    });
  },
});
const runtime = (): WebhookRuntime => ({
  db,
  baseUrl: "https://ops.example.com",
  ...DEFAULT_WEBHOOK_POLICY,
  allowPrivateNetworks: false,
  now: () => new Date(),
});
const tick = (ts: string) => runScheduleTick(runtime(), { _cron: { ts } });
const recorded = () => db.webhookEvent.findMany({ orderBy: [{ occurredAt: "asc" }, { type: "asc" }], select: { type: true, subject: true } });

describe("the hourly schedule tick, in the organisation's time zone", () => {
  it("sends the reminders at their hour on weekdays and the digest of the week before at its weekday and hour, each once", async () => {
    // Monday 30 November 2026: 07:00 UTC is 08:00 in Berlin, the reminders' hour.
    await tick("2026-11-30T07:00:00.000Z");
    expect(await recorded()).toEqual([{ type: "action_items.due", subject: { date: "2026-11-30" } }]);
    // 08:00 UTC is 09:00 in Berlin: the digest of ISO week 48 (23–29 November).
    await tick("2026-11-30T08:00:00.000Z");
    await tick("2026-11-30T08:00:00.000Z"); // a second worker's tick of the same hour
    await tick("2026-11-30T09:00:00.000Z"); // the hour after: nothing
    expect(await recorded()).toEqual([
      { type: "action_items.due", subject: { date: "2026-11-30" } },
      { type: "review.digest", subject: { week: "2026-W48" } },
    ]);
  });

  it("sends no reminders at the weekend, nor a digest on another weekday", async () => {
    const before = (await recorded()).length;
    await tick("2026-12-05T07:00:00.000Z"); // Saturday 08:00 in Berlin
    await tick("2026-12-06T07:00:00.000Z"); // Sunday
    await tick("2026-12-01T08:00:00.000Z"); // Tuesday 09:00
    expect(await recorded()).toHaveLength(before);
    await tick("2026-12-01T07:00:00.000Z"); // Tuesday 08:00: that day's reminders
    expect((await recorded()).at(-1)).toEqual({ type: "action_items.due", subject: { date: "2026-12-01" } });
  });
});
