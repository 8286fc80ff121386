import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { ForbiddenError } from "@/lib/errors";
import { signedIn } from "../test-signed-in";

vi.mock("@/lib/auth/current-actor", () => import("../test-signed-in"));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const directory = "features/reviews/actions";
const files = readdirSync(path.join(process.cwd(), directory))
  .filter((name) => !name.endsWith(".test.ts"))
  .map((name) => path.join(directory, name));

type FormAction = (state: unknown, form: FormData) => Promise<{ error?: string; ok?: string }>;
const actionsOf = async (file: string) => Object.values((await import(path.join(process.cwd(), file))) as Record<string, FormAction>);

describe("weekly review actions", () => {
  it("are one per file, each named verbNounAction", async () => {
    expect(files.length).toBeGreaterThanOrEqual(11);
    for (const file of files) {
      const names = Object.keys(await import(path.join(process.cwd(), file)));
      expect(names).toHaveLength(1);
      expect(names[0]).toMatch(/^[a-z]+[A-Z]\w*Action$/);
    }
  });

  it.each(files)("%s answers an empty form with a clear error, naming the week", async (file) => {
    signedIn.role = "LEAD";
    for (const action of await actionsOf(file)) {
      const state = await action(undefined, new FormData());
      expect(state.ok).toBeUndefined();
      expect(state.error).toMatch(/^The .* (not|did not) .*Week: (is required|must be an ISO week)/);
    }
  });

  it.each(files)("%s refuses a role below LEAD before touching anything", async (file) => {
    signedIn.role = "ENGINEER";
    for (const action of await actionsOf(file)) {
      await expect(action(undefined, new FormData())).rejects.toBeInstanceOf(ForbiddenError);
    }
    signedIn.role = "LEAD";
  });
});
