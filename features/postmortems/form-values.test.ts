import { describe, expect, it } from "vitest";
import { sectionsInputFromForm, timelineEventInputFromForm } from "./form-values";

const form = (entries: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(entries)) data.append(key, value);
  return data;
};

describe("timelineEventInputFromForm", () => {
  it("reads the wall-clock time in the writer's zone as an instant", () => {
    const input = timelineEventInputFromForm(
      form({ incidentId: "i", version: "3", occurredAt: "2026-11-20T09:05", timeZone: "Europe/Berlin", kind: "DETECTION", text: "Paged" }),
    );
    expect(input).toEqual({ incidentId: "i", version: "3", eventId: undefined, occurredAt: "2026-11-20T08:05:00.000Z", kind: "DETECTION", text: "Paged" });
  });

  it("passes a bad or missing time on as typed, for validation to name", () => {
    expect(timelineEventInputFromForm(form({ occurredAt: "soon" })).occurredAt).toBe("soon");
    expect(timelineEventInputFromForm(new FormData())).toMatchObject({ occurredAt: "", incidentId: "", version: "" });
  });
});

describe("sectionsInputFromForm", () => {
  it("reads the sections, and the base only when the editor sent one", () => {
    expect(sectionsInputFromForm(form({ impactStatement: "Down" })).base).toBeUndefined();
    const input = sectionsInputFromForm(form({ impactStatement: "Down 40 min", "base.impactStatement": "Down" }));
    expect(input.sections.impactStatement).toBe("Down 40 min");
    expect(input.base).toMatchObject({ impactStatement: "Down", lessonsLearned: "" });
  });
});
