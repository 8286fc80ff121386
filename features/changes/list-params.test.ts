import { describe, expect, it } from "vitest";
import { encodeChangeCursor, parseChangeListParams } from "./list-params";

const position = { deployedAt: new Date("2026-03-02T09:00:00Z"), id: "0d6c2b1e-6f7a-4d55-9a0b-1c2d3e4f5a6b" };

describe("parseChangeListParams, paging", () => {
  it("reads `before` as the position a previous page ends at", () => {
    const { params, errors } = parseChangeListParams({ before: encodeChangeCursor(position) });
    expect(errors).toEqual({});
    expect(params.after).toBeNull();
    expect(params.before).toEqual(position);
  });

  it("names an unreadable `before` and starts from the first page", () => {
    const { params, errors } = parseChangeListParams({ before: "nope" });
    expect(Object.keys(errors)).toEqual(["before"]);
    expect(params.before).toBeNull();
  });

  it("honours the page after a row when both are given", () => {
    const later = { ...position, deployedAt: new Date("2026-03-03T09:00:00Z") };
    const { params } = parseChangeListParams({ cursor: encodeChangeCursor(position), before: encodeChangeCursor(later) });
    expect(params.after).toEqual(position);
    expect(params.before).toBeNull();
  });
});
