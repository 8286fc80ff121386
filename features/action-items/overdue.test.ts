import { describe, expect, it } from "vitest";
import { dateColumn, dateOf, isOverdue, todayIn } from "./overdue";

describe("isOverdue", () => {
  const today = "2026-11-24";
  it("is overdue only before today and only while the work is unfinished", () => {
    expect(isOverdue({ dueDate: "2026-11-23", status: "OPEN" }, today)).toBe(true);
    expect(isOverdue({ dueDate: "2026-11-23", status: "IN_PROGRESS" }, today)).toBe(true);
    expect(isOverdue({ dueDate: "2026-11-24", status: "OPEN" }, today)).toBe(false);
    expect(isOverdue({ dueDate: "2026-11-23", status: "DONE" }, today)).toBe(false);
    expect(isOverdue({ dueDate: "2026-11-23", status: "WONT_DO" }, today)).toBe(false);
  });
});

describe("todayIn", () => {
  it("takes the date of the organisation's time zone, not of UTC", () => {
    const lateEvening = new Date("2026-11-24T23:30:00Z");
    expect(todayIn("UTC", lateEvening)).toBe("2026-11-24");
    expect(todayIn("Europe/Berlin", lateEvening)).toBe("2026-11-25");
    expect(todayIn("America/Los_Angeles", new Date("2026-11-25T03:00:00Z"))).toBe("2026-11-24");
  });
});

describe("date columns", () => {
  it("round-trip a calendar date", () => {
    expect(dateOf(dateColumn("2026-02-28"))).toBe("2026-02-28");
  });
});
