import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";

// A LEAD passes every guard, so what is left to see is how each action treats an empty form.
vi.mock("@/lib/auth/current-actor", () => ({
  currentUiActor: async (): Promise<Actor> => ({ userId: null, tokenId: null, label: "lead@example.test", method: "UI", role: "LEAD" }),
  currentSessionUser: async () => null,
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const files = ["features/postmortems/actions", "features/action-items/actions"].flatMap((dir) =>
  readdirSync(path.join(process.cwd(), dir)).map((name) => path.join(dir, name)),
);

describe("postmortem and action-item actions", () => {
  it.each(files)("%s answers an empty form with an error state rather than a crash", async (file) => {
    const exported = (await import(path.join(process.cwd(), file))) as Record<
      string,
      (state: unknown, form: FormData) => Promise<{ error?: string; ok?: string }>
    >;
    for (const action of Object.values(exported)) {
      const state = await action(undefined, new FormData());
      expect(state.ok).toBeUndefined();
      expect(state.error).toMatch(/^(The .* not|Status not)/);
    }
  });
});
