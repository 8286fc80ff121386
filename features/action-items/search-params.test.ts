import { describe, expect, it } from "vitest";
import { actionItemViewFromSearchParams, moreRowsHref } from "./search-params";

describe("actionItemViewFromSearchParams", () => {
  it("reads a valid view from the URL", () => {
    expect(actionItemViewFromSearchParams({ status: "IN_PROGRESS", owner: "7d0f5e0e-4b7a-4a53-9a53-1f0a4c1f9b11", limit: "200" })).toEqual({
      status: "IN_PROGRESS",
      ownerId: "7d0f5e0e-4b7a-4a53-9a53-1f0a4c1f9b11",
      limit: 200,
    });
  });

  it("drops what is not valid rather than passing it on", () => {
    expect(actionItemViewFromSearchParams({ status: "LATE", owner: "' OR 1=1 --", limit: "-5" })).toEqual({
      status: undefined,
      ownerId: undefined,
      limit: 100,
    });
    expect(actionItemViewFromSearchParams({ limit: "999999" }).limit).toBe(2000);
  });

  it("links to more rows of the same view", () => {
    expect(moreRowsHref("/action-items", { status: "OPEN", limit: 100 })).toBe("/action-items?status=OPEN&limit=200");
  });
});
