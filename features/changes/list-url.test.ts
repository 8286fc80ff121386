import { describe, expect, it } from "vitest";
import { parseChangeListParams } from "./list-params";
import { changeListHref, hasChangeFilters } from "./list-url";

describe("changeListHref", () => {
  it("writes a view back as the link that parses to the same filters, defaults left out", () => {
    const link = "/changes?service=cart,search&ai=ASSISTED&signOff=violating&failed=true&mismatch=false&from=2019-03-01&to=2019-03-31&limit=10";
    const { params, errors } = parseChangeListParams(new URLSearchParams(link.split("?")[1]));
    expect(errors).toEqual({});
    const href = changeListHref({ filters: params.filters, pageSize: params.pageSize });
    expect(decodeURIComponent(href)).toBe(link);
    expect(parseChangeListParams(new URLSearchParams(href.split("?")[1])).params.filters).toEqual(params.filters);
    expect(changeListHref({ filters: { service: [], team: [], ai: [] }, pageSize: 50 })).toBe("/changes");
  });

  it("carries one page position: the page after a row, else the page before one", () => {
    const filters = { service: ["cart"], team: [], ai: [] };
    expect(changeListHref({ filters, after: "abc", before: "def" })).toBe("/changes?service=cart&cursor=abc");
    expect(changeListHref({ filters, before: "def" })).toBe("/changes?service=cart&before=def");
  });

  it("knows a filtered view from the whole list", () => {
    expect(hasChangeFilters({ service: [], team: [], ai: [] })).toBe(false);
    expect(hasChangeFilters({ service: [], team: [], ai: [], failed: false })).toBe(true);
    expect(hasChangeFilters({ service: [], team: ["platform"], ai: [] })).toBe(true);
  });
});
