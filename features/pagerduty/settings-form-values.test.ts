import { describe, expect, it } from "vitest";
import { ValidationError } from "@/lib/errors";
import { pagerDutyFieldLabel, pagerDutyFormValuesOf, pagerDutyInputOf, readPagerDutyForm, type PagerDutyFormValues } from "./settings-form-values";

const form = (entries: [string, string][]) => {
  const data = new FormData();
  for (const [key, value] of entries) data.append(key, value);
  return data;
};

const values = (overrides: Partial<PagerDutyFormValues>): PagerDutyFormValues => ({
  signingSecrets: "",
  services: [],
  defaultService: "",
  priorities: [{ priority: "P1", severity: "SEV1" }],
  ...overrides,
});

const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationError) return error.fieldErrors;
    throw error;
  }
  throw new Error("expected a ValidationError");
};

describe("the PagerDuty settings form", () => {
  it("reads the table rows in order, pairing each id with its service and each priority with its severity", () => {
    const read = readPagerDutyForm(
      form([
        ["signingSecrets", "one\ntwo"],
        ["serviceId", " PABC123 "],
        ["serviceSlug", "checkout"],
        ["serviceId", "PXYZ789"],
        ["serviceSlug", "search"],
        ["defaultService", "search"],
        ["priority", "P1"],
        ["severity", "SEV1"],
      ]),
    );
    expect(read).toEqual({
      signingSecrets: "one\ntwo",
      services: [
        { pagerDutyId: "PABC123", slug: "checkout" },
        { pagerDutyId: "PXYZ789", slug: "search" },
      ],
      defaultService: "search",
      priorities: [{ priority: "P1", severity: "SEV1" }],
    });
  });

  it("turns rows into the records the settings take; empty secrets keep the current ones, empty rows are dropped", () => {
    const input = pagerDutyInputOf(
      values({
        services: [
          { pagerDutyId: "PABC123", slug: "checkout" },
          { pagerDutyId: "", slug: "" },
        ],
      }),
    );
    expect(input).toEqual({ services: { PABC123: "checkout" }, defaultService: null, priorities: { P1: "SEV1" } });
    expect("signingSecrets" in input).toBe(false);
  });

  it("sends one secret a line, blank lines and spaces left out", () => {
    expect(pagerDutyInputOf(values({ signingSecrets: " old \r\n\nnew\n" })).signingSecrets).toEqual(["old", "new"]);
  });

  it("refuses a repeated id and a row without an id, naming them", () => {
    const errors = refusal(() =>
      pagerDutyInputOf(
        values({
          services: [
            { pagerDutyId: "PABC123", slug: "checkout" },
            { pagerDutyId: "PABC123", slug: "search" },
            { pagerDutyId: "", slug: "search" },
          ],
        }),
      ),
    );
    expect(errors).toEqual({ "services.PABC123": ["is listed twice: keep one row"], services: ["a row has no id: fill it in or remove the row"] });
  });

  it("keeps an id such as __proto__ as an ordinary row", () => {
    expect(pagerDutyInputOf(values({ services: [{ pagerDutyId: "__proto__", slug: "checkout" }] })).services).toEqual(
      Object.fromEntries([["__proto__", "checkout"]]),
    );
  });

  it("shows the saved mapping as rows, with no secret", () => {
    expect(pagerDutyFormValuesOf({ services: { PABC123: "checkout" }, defaultService: null, priorities: { P1: "SEV1", P2: "SEV2" } })).toEqual({
      signingSecrets: "",
      services: [{ pagerDutyId: "PABC123", slug: "checkout" }],
      defaultService: "",
      priorities: [
        { priority: "P1", severity: "SEV1" },
        { priority: "P2", severity: "SEV2" },
      ],
    });
  });

  it("names a field by its row", () => {
    expect(pagerDutyFieldLabel("services.PABC123")).toBe("PagerDuty service PABC123");
    expect(pagerDutyFieldLabel("priorities.P3")).toBe("Priority P3");
    expect(pagerDutyFieldLabel("defaultService")).toBe("Default service");
  });
});
