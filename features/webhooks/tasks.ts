// The webhook jobs a worker runs, and the crontab that ticks the schedule.
import type { TaskList } from "graphile-worker";
import { deliverWebhook } from "./delivery/deliver";
import { fanOutEvent } from "./fan-out";
import { DELIVER_TASK, FAN_OUT_TASK, TICK_TASK, type DeliverJob, type WebhookRuntime } from "./runtime";
import { runScheduleTick } from "./schedule-tick";

/** Every hour on the hour; an hour missed while no worker ran is made up once one runs. */
export const WEBHOOK_CRONTAB = `0 * * * * ${TICK_TASK} ?fill=1h&max=3`;

export function webhookTasks(runtime: WebhookRuntime): TaskList {
  return {
    [FAN_OUT_TASK]: (payload) => fanOutEvent(runtime, payload as { eventId: string }),
    [DELIVER_TASK]: (payload) => deliverWebhook(runtime, payload as DeliverJob),
    [TICK_TASK]: (payload) => runScheduleTick(runtime, payload),
  };
}
