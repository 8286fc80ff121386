// Webhook values in words, as the admin pages show them.
import { WEBHOOK_EVENT_LABELS } from "@/lib/jobs/events";
import { WEBHOOK_FORMAT_LABELS, type WebhookFormat } from "./schemas";

export const DELIVERY_STATUS_LABELS: Record<string, string> = {
  PENDING: "Waiting to be sent",
  RETRYING: "Failed, will retry",
  DELIVERED: "Delivered",
  FAILED: "Failed",
  SKIPPED: "Not sent (paused, or no longer subscribed)",
};

export const WEEKDAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] as const;

export const eventWords = (type: string) => WEBHOOK_EVENT_LABELS[type as keyof typeof WEBHOOK_EVENT_LABELS] ?? type;
export const deliveryStatusWords = (status: string) => DELIVERY_STATUS_LABELS[status] ?? status;
export const formatWords = (format: WebhookFormat) => WEBHOOK_FORMAT_LABELS[format];
export const weekdayName = (isoWeekday: number) => WEEKDAY_NAMES[isoWeekday - 1] ?? `day ${isoWeekday}`;
export const hourWords = (hour: number) => `${String(hour).padStart(2, "0")}:00`;

/** The address without its scheme, cut to `max` characters, so a long one never widens a phone's page. */
export function shortUrl(url: string, max = 36): string {
  const bare = url.replace(/^https?:\/\//i, "").replace(/\/$/, "");
  return bare.length > max ? `${bare.slice(0, max - 1)}…` : bare;
}

/** "Weekly digest on Monday at 09:00; action-item reminders on weekdays at 09:00". */
export const scheduleWords = (s: { digestWeekday: number; digestHour: number; reminderHour: number }) =>
  `weekly digest on ${weekdayName(s.digestWeekday)} at ${hourWords(s.digestHour)}; action-item reminders on weekdays at ${hourWords(s.reminderHour)}`;
