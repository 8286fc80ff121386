import { describe, expect, it } from "vitest";
import { ValidationError } from "@/lib/errors";
import { malformedParameters, pathParameter, searchParamsOf } from "./query";

describe("malformedParameters", () => {
  it.each([
    ["q=%E0%A4%A", ["q"]],
    ["from=%ZZ&to=2026-03-01", ["from"]],
    ["service=%C0%AF", ["service"]],
    ["%E0%A4%A=1", ["%E0%A4%A"]],
    ["a=1&a=%", ["a"]],
    ["__proto__=%FF", ["__proto__"]],
  ])("names the parameter of %s", (query, names) => expect(Object.keys(malformedParameters(`http://x/?${query}`))).toEqual(names));

  it.each(["", "q=caf%C3%A9", "q=a+b", "q=%00", "q", "&&", "q=1#%ZZ"])("accepts %j", (query) => expect(malformedParameters(`http://x/?${query}`)).toEqual({}));

  it("searchParamsOf throws a ValidationError naming the parameter", () => {
    expect(() => searchParamsOf(new Request("http://x/?from=%ZZ"))).toThrow(ValidationError);
    expect(searchParamsOf(new Request("http://x/?q=a+b")).get("q")).toBe("a b");
  });
});

describe("pathParameter", () => {
  it.each(["\u0000", "x".repeat(101), "", "\uFFFD", "\uDC00"])("refuses %j", (value) => expect(() => pathParameter("id", value)).toThrow(ValidationError));
  it("passes an id or reference", () => expect(pathParameter("id", "INC-2026-0042")).toBe("INC-2026-0042"));
});
