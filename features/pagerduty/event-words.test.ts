import { describe, expect, it } from "vitest";
import { eventTypeWords } from "./event-words";

describe("PagerDuty event types in words", () => {
  it("names the handled types", () => {
    expect(eventTypeWords("incident.triggered")).toBe("Triggered");
    expect(eventTypeWords("incident.acknowledged")).toBe("Acknowledged");
    expect(eventTypeWords("incident.resolved")).toBe("Resolved");
    expect(eventTypeWords("incident.reopened")).toBe("Reopened");
    expect(eventTypeWords("incident.priority_updated")).toBe("Priority changed");
  });

  it("words an unknown type from its own name, never showing the raw code", () => {
    expect(eventTypeWords("incident.conference_bridge.updated")).toBe("Conference bridge updated");
  });
});
