import { describe, expect, it } from "vitest";
import { deliveryStatusWords, eventWords, formatWords, hourWords, scheduleWords, shortUrl } from "./words";

describe("webhook words", () => {
  it("names events, formats and statuses in words", () => {
    expect(eventWords("incident.sev1_filed")).toBe("Sev1 filed");
    expect(eventWords("webhook.test")).toBe("Test");
    expect(formatWords("json")).toBe("JSON (signed)");
    expect(formatWords("slack")).toBe("Slack");
    expect(deliveryStatusWords("DELIVERED")).toBe("Delivered");
    expect(hourWords(7)).toBe("07:00");
  });

  it("shortens a long address without its scheme", () => {
    expect(shortUrl("https://hooks.example.com/ops/")).toBe("hooks.example.com/ops");
    const long = shortUrl("https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX");
    expect(long).toHaveLength(36);
    expect(long.endsWith("…")).toBe(true);
  });

  it("says the schedule in words", () => {
    expect(scheduleWords({ digestWeekday: 5, digestHour: 16, reminderHour: 9 })).toBe(
      "weekly digest on Friday at 16:00; action-item reminders on weekdays at 09:00",
    );
  });
});
