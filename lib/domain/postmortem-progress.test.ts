import { describe, expect, it } from "vitest";
import { emptySections } from "@/lib/domain/postmortem-enums";
import { postmortemProgressOf } from "@/lib/domain/postmortem-progress";

const empty = { id: "pm-1", state: "DRAFT" as const, sections: emptySections(), timeline: [], fiveWhys: [], noActionNeededReason: null };

describe("postmortemProgressOf", () => {
  it("reads Not started with no postmortem, or a draft with nothing written", () => {
    expect(postmortemProgressOf({ ...empty, id: null })).toBe("NOT_STARTED");
    expect(postmortemProgressOf(empty)).toBe("NOT_STARTED");
    expect(postmortemProgressOf({ ...empty, sections: { ...emptySections(), lessonsLearned: "  \n" } })).toBe("NOT_STARTED");
  });

  it("reads Draft once anything is written: a section, a timeline event, a why or a reason", () => {
    expect(postmortemProgressOf({ ...empty, sections: { ...emptySections(), impactStatement: "Shoppers could not pay." } })).toBe("DRAFT");
    expect(postmortemProgressOf({ ...empty, timeline: [{ id: "e", occurredAt: "2026-01-01T00:00:00Z", kind: "OTHER", text: "x" }] })).toBe("DRAFT");
    expect(postmortemProgressOf({ ...empty, fiveWhys: [{ id: "w", text: "Why?" }] })).toBe("DRAFT");
    expect(postmortemProgressOf({ ...empty, noActionNeededReason: "Fixed for good." })).toBe("DRAFT");
  });

  it("keeps a postmortem in review or published as it is", () => {
    expect(postmortemProgressOf({ ...empty, state: "IN_REVIEW" })).toBe("IN_REVIEW");
    expect(postmortemProgressOf({ ...empty, state: "PUBLISHED" })).toBe("PUBLISHED");
  });
});
