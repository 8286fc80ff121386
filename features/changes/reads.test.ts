import { beforeAll, describe, expect, it } from "vitest";
import { actorOf } from "@/features/settings/test-fixtures";
import { DEFAULT_APPROVAL_POLICY } from "@/lib/domain/approval-policy";
import { useTestDatabase } from "@/test/database";
import { parseChangeListParams } from "./list-params";
import { recordChange } from "./mutations";
import { listChangePage } from "./reads";
import { seedChangeCatalogue } from "./test-fixtures";

const { db } = useTestDatabase({ seed: seedChangeCatalogue });
const pipeline = actorOf("deploy-pipeline", "ENGINEER");

beforeAll(async () => {
  // Five deploys an hour apart, PR-1 the oldest; PR-3 and PR-4 at the same instant (the id breaks the tie).
  const at = ["2026-03-02T09:00:00Z", "2026-03-02T10:00:00Z", "2026-03-02T11:00:00Z", "2026-03-02T11:00:00Z", "2026-03-02T12:00:00Z"];
  for (const [n, deployedAt] of at.entries())
    await recordChange(db, { reference: `PR-${n + 1}`, service: "cart", deployedAt }, pipeline, new Date("2026-03-10T00:00:00Z"));
});

const page = (query: string) =>
  listChangePage(db, { ...parseChangeListParams(new URLSearchParams(query)).params, timeZone: "UTC", policy: DEFAULT_APPROVAL_POLICY });
const references = (items: { reference: string }[]) => items.map((item) => item.reference);

describe("listChangePage", () => {
  it("pages forwards and back by keyset, newest deploy first, every change once", async () => {
    const first = await page("limit=2");
    expect(first.previousCursor).toBeNull();
    const second = await page(`limit=2&cursor=${first.nextCursor}`);
    const third = await page(`limit=2&cursor=${second.nextCursor}`);
    expect(third.nextCursor).toBeNull();
    const all = [...references(first.items), ...references(second.items), ...references(third.items)];
    expect(all).toHaveLength(5);
    expect(new Set(all).size).toBe(5);
    expect(all[0]).toBe("PR-5");
    expect(all[4]).toBe("PR-1");

    // Back from the third page: the second again, in the same order, and from it the first.
    const secondAgain = await page(`limit=2&before=${third.previousCursor}`);
    expect(references(secondAgain.items)).toEqual(references(second.items));
    expect(secondAgain.nextCursor).not.toBeNull();
    const firstAgain = await page(`limit=2&before=${secondAgain.previousCursor}`);
    expect(references(firstAgain.items)).toEqual(references(first.items));
    expect(firstAgain.previousCursor).toBeNull();
  });
});
