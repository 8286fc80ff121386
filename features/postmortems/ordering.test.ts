import { describe, expect, it } from "vitest";
import { NotFoundError, RuleViolationError } from "@/lib/errors";
import { nextPosition, swapPartner } from "./ordering";

const items = [
  { id: "c", position: 7 },
  { id: "a", position: 0 },
  { id: "b", position: 3 },
];

describe("swapPartner", () => {
  it("finds the neighbour by rank across gaps in the positions", () => {
    expect(swapPartner(items, "b", "up").partner.id).toBe("a");
    expect(swapPartner(items, "b", "down").partner.id).toBe("c");
  });

  it("refuses to move past either end, naming the direction", () => {
    expect(() => swapPartner(items, "a", "up")).toThrow(RuleViolationError);
    const error = (() => {
      try {
        swapPartner(items, "c", "down");
      } catch (e) {
        return e as RuleViolationError;
      }
    })();
    expect(error?.fieldErrors).toEqual({ direction: ["is already the last entry"] });
  });

  it("refuses an entry that is not in the list", () => {
    expect(() => swapPartner(items, "z", "up")).toThrow(NotFoundError);
  });
});

describe("nextPosition", () => {
  it("is one past the highest position, 0 for an empty list", () => {
    expect(nextPosition(items)).toBe(8);
    expect(nextPosition([])).toBe(0);
  });
});
