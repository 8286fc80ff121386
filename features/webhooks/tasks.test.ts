import { parseCrontab } from "graphile-worker";
import { describe, expect, it } from "vitest";
import { DELIVER_TASK, FAN_OUT_TASK, TICK_TASK } from "./runtime";
import { WEBHOOK_CRONTAB, webhookTasks } from "./tasks";

describe("the worker's tasks and crontab", () => {
  it("the crontab parses, ticking every hour, making up one missed hour", () => {
    const [item, ...more] = parseCrontab(WEBHOOK_CRONTAB);
    expect(more).toEqual([]);
    expect(item).toMatchObject({ task: TICK_TASK, options: { backfillPeriod: 3_600_000, maxAttempts: 3 } });
    expect((item!.match as unknown as { parsedCronMatch: { minutes: number[]; hours: number[] } }).parsedCronMatch).toMatchObject({
      minutes: [0],
      hours: Array.from({ length: 24 }, (_, hour) => hour),
    });
  });

  it("has a handler for every job the webhooks queue", () => {
    expect(Object.keys(webhookTasks({} as never)).sort()).toEqual([DELIVER_TASK, FAN_OUT_TASK, TICK_TASK].sort());
  });
});
