import { describe, expect, it } from "vitest";
import { isEditable, transitionErrors, type TransitionFacts } from "./state";

const facts = (overrides: Partial<TransitionFacts> = {}): TransitionFacts => ({
  state: "DRAFT",
  impactStatement: "Checkout failed for 40 minutes.",
  actionItemCount: 0,
  noActionNeededReason: null,
  ...overrides,
});

describe("transitionErrors", () => {
  it("lets a draft with an impact statement go to review, and nothing else go there", () => {
    expect(transitionErrors("submit", facts())).toEqual({});
    expect(transitionErrors("submit", facts({ impactStatement: "  " }))).toEqual({ impactStatement: [expect.stringContaining("impact statement")] });
    expect(transitionErrors("submit", facts({ state: "IN_REVIEW" })).state).toBeDefined();
    expect(transitionErrors("submit", facts({ state: "PUBLISHED" })).state).toBeDefined();
  });

  it("publishes only from review, with an action item or a reason", () => {
    const inReview = facts({ state: "IN_REVIEW" });
    expect(transitionErrors("publish", inReview)).toEqual({ noActionNeededReason: [expect.stringContaining("action item")] });
    expect(transitionErrors("publish", { ...inReview, noActionNeededReason: "   " })).toHaveProperty("noActionNeededReason");
    expect(transitionErrors("publish", { ...inReview, actionItemCount: 1 })).toEqual({});
    expect(transitionErrors("publish", { ...inReview, noActionNeededReason: "Provider fault, fixed upstream." })).toEqual({});
    expect(transitionErrors("publish", facts({ actionItemCount: 3 }))).toEqual({ state: [expect.stringContaining("In review")] });
  });

  it("sends back only from review", () => {
    expect(transitionErrors("sendBack", facts({ state: "IN_REVIEW" }))).toEqual({});
    expect(transitionErrors("sendBack", facts({ state: "PUBLISHED" })).state).toBeDefined();
    expect(transitionErrors("sendBack", facts({ state: "DRAFT" })).state).toBeDefined();
  });

  it("freezes the content once published", () => {
    expect([isEditable("DRAFT"), isEditable("IN_REVIEW"), isEditable("PUBLISHED")]).toEqual([true, true, false]);
  });
});
