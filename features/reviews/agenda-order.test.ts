import { describe, expect, it } from "vitest";
import { moveHandle, moveHandleTo } from "./agenda-order";

describe("moving agenda items", () => {
  const order = ["a", "b", "c", "d"];

  it("moves one place up or down, and not past either end", () => {
    expect(moveHandle(order, "c", -1)).toEqual(["a", "c", "b", "d"]);
    expect(moveHandle(order, "b", 1)).toEqual(["a", "c", "b", "d"]);
    expect(moveHandle(order, "a", -1)).toBe(order);
    expect(moveHandle(order, "d", 1)).toBe(order);
  });

  it("drops an item into the place of the one it lands on, from above or below", () => {
    expect(moveHandleTo(order, "a", "c")).toEqual(["b", "c", "a", "d"]);
    expect(moveHandleTo(order, "d", "b")).toEqual(["a", "d", "b", "c"]);
    expect(moveHandleTo(order, "b", "b")).toBe(order);
  });
});
