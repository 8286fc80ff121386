import { describe, expect, it } from "vitest";
import { isoInstant, storableString } from "./schemas";

describe("isoInstant", () => {
  it.each(["2026-03-02T10:15:00Z", "2026-03-02T11:15:00+01:00", "2026-03-02T10:15Z", "2026-03-02T10:15:00.123Z", "2024-02-29T00:00:00-05:00"])(
    "reads %s",
    (text) => expect(isoInstant.parse(text).getTime()).toBe(Date.parse(text)),
  );

  it.each([
    ["no offset", "2026-03-02T10:15:00"],
    ["a date alone", "2026-03-02"],
    ["30 February", "2026-02-30T10:00:00Z"],
    ["hour 24", "2026-03-02T24:00:00Z"],
    ["year 0", "0000-01-01T00:00:00Z"],
    ["before 1970", "1969-12-31T23:59:59Z"],
    ["2100 or later", "2100-01-01T00:00:00Z"],
    ["free text", "yesterday"],
  ])("refuses %s", (_name, text) => expect(isoInstant.safeParse(text).success).toBe(false));

  it.each([null, true, 12, ["2026-03-02T10:15:00Z"], {}])("refuses the non-string %j", (value) => {
    expect(isoInstant.safeParse(value).success).toBe(false);
  });
});

describe("storableString", () => {
  const text = storableString();
  it("takes ordinary text, emoji included", () => expect(text.parse("Deploy 🚀 über")).toBe("Deploy 🚀 über"));
  it.each([
    ["a NUL byte", "a\u0000b"],
    ["a lone high surrogate", "a\uD83Db"],
    ["a lone low surrogate", "\uDE80"],
  ])("refuses %s", (_name, value) => {
    expect(text.safeParse(value).success).toBe(false);
  });
});
