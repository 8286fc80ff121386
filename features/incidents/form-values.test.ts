import { describe, expect, it } from "vitest";
import { INSTANT_MESSAGE } from "@/lib/schemas";
import { incidentInputFromForm, postedIncidentValues as formValuesOf } from "./form-values";
import { givenFillableFields } from "./linked-change";
import { incidentInputSchema } from "./schemas";

function form(entries: [string, string][]): FormData {
  const data = new FormData();
  for (const [key, value] of entries) data.append(key, value);
  return data;
}

/** The API input of a form posted with these fields, each given once. */
const inputOf = (fields: Record<string, string>) => incidentInputFromForm(formValuesOf(form(Object.entries(fields))));

describe("incidentInputFromForm", () => {
  it("turns the flat form into the API's nested input, reading times in the filer's zone", () => {
    const values = formValuesOf(
      form([
        ["$ACTION_ID_abc", "x"],
        ["timeZone", "Europe/Berlin"],
        ["title", "Checkout down"],
        ["severity", "SEV1"],
        ["status", "MITIGATED"],
        ["services", "checkout-api"],
        ["services", "payments-gateway"],
        ["startedAt", "2026-01-15T10:00"],
        ["mitigatedAt", "2026-01-15T11:30"],
        ["detectedAt", ""],
        ["impact.usersAffected", "22000"],
        ["impact.failedTransactions", ""],
        ["impact.regions", "us-east-1, eu-west-1,"],
        ["impact.capabilities", "checkout"],
        ["blastRadius", "MULTI_SERVICE"],
        ["change.authorLevel", ""],
        ["ai.involvement", "AGENT"],
        ["ai.tool", "Kiro"],
      ]),
    );
    expect(values).not.toHaveProperty("$ACTION_ID_abc");
    const parsed = incidentInputSchema.parse(incidentInputFromForm(values));
    // Berlin is UTC+1 in January.
    expect(parsed.startedAt.toISOString()).toBe("2026-01-15T09:00:00.000Z");
    expect(parsed.mitigatedAt?.toISOString()).toBe("2026-01-15T10:30:00.000Z");
    expect(parsed.detectedAt).toBeUndefined();
    expect(parsed.services).toEqual(["checkout-api", "payments-gateway"]);
    expect(parsed.impact).toEqual({ usersAffected: 22000, failedTransactions: undefined, regions: ["us-east-1", "eu-west-1"], capabilities: ["checkout"] });
    expect(parsed.change).toEqual({ reference: undefined, authorLevel: undefined, approval: "NONE" });
    expect(parsed.ai).toMatchObject({ involvement: "AGENT", tool: "Kiro" });
  });

  it("leaves sign-off and AI involvement out when their empty choice is picked, so the server fills them from the recorded change or sets none", () => {
    const input = inputOf({ "change.reference": "PR-812", "change.approval": "", "ai.involvement": "", "change.authorLevel": "" });
    expect(input).toMatchObject({ change: { reference: "PR-812", approval: undefined, authorLevel: "" }, ai: { involvement: undefined, tool: "" } });
    expect(givenFillableFields(input).size).toBe(0);
    const parsed = incidentInputSchema.parse({
      ...(input as object),
      title: "Cart down",
      severity: "SEV2",
      status: "INVESTIGATING",
      services: ["cart"],
      startedAt: "2026-03-10T10:00:00Z",
      blastRadius: "SINGLE_SERVICE",
    });
    expect(parsed.change).toEqual({ reference: "PR-812", authorLevel: undefined, approval: "NONE" });
    expect(parsed.ai.involvement).toBe("NONE");
  });

  it("sends a chosen sign-off and involvement as given, NONE included", () => {
    const input = inputOf({ "change.approval": "NONE", "ai.involvement": "ASSISTED" });
    expect(input).toMatchObject({ change: { approval: "NONE" }, ai: { involvement: "ASSISTED" } });
    expect([...givenFillableFields(input)].sort()).toEqual(["ai.involvement", "change.approval"]);
  });

  it("passes an unreadable time through so that validation names the field", () => {
    const input = inputOf({ startedAt: "tuesday", title: "abc" });
    const result = incidentInputSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.find((i) => i.path[0] === "startedAt")?.message).toBe(INSTANT_MESSAGE);
  });
});
