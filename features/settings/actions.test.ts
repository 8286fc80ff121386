import { describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import type { Role } from "@/lib/auth/permissions";
import { ForbiddenError } from "@/lib/errors";

const signedIn: { role: Role } = { role: "ADMIN" };
vi.mock("@/lib/auth/current-actor", () => ({
  currentUiActor: async (): Promise<Actor> => ({ userId: null, tokenId: null, label: "someone@example.test", method: "UI", role: signedIn.role }),
  currentSessionUser: async () => null,
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { updateSettingsAction } = await import("./actions/update-settings");

describe("updateSettingsAction", () => {
  it("answers an empty form with an error naming the fields, before touching the database", async () => {
    signedIn.role = "ADMIN";
    const state = await updateSettingsAction(undefined, new FormData());
    expect(state.ok).toBeUndefined();
    expect(state.error).toBe("Not saved: correct Time zone, Meeting day, Meeting length, Organisation SLO target, Version.");
    expect(state.fieldErrors?.timeZone?.[0]).toMatch(/IANA/);
  });

  it("refuses a LEAD: the organisation settings are an ADMIN's", async () => {
    signedIn.role = "LEAD";
    await expect(updateSettingsAction(undefined, new FormData())).rejects.toThrow(ForbiddenError);
  });
});
