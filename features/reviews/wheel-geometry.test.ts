import { describe, expect, it } from "vitest";
import { colourSlot, landingRotation, segmentAtPointer } from "./wheel-geometry";

describe("the wheel's geometry", () => {
  it("lands exactly on the picked segment, for every pick and wheel size", () => {
    for (const count of [1, 2, 3, 7, 12, 25]) {
      for (let index = 0; index < count; index++) {
        const rotation = landingRotation(index, count, 5);
        expect(segmentAtPointer(rotation, count)).toBe(index);
        expect(rotation).toBeGreaterThanOrEqual(5 * 360);
      }
    }
  });

  it("spins forward from where it rests when spun again", () => {
    const first = landingRotation(3, 8, 5);
    const second = landingRotation(6, 8, 4, first);
    expect(second).toBeGreaterThan(first + 3 * 360);
    expect(segmentAtPointer(second, 8)).toBe(6);
  });

  it("never gives neighbouring segments the same colour", () => {
    for (let count = 2; count <= 40; count++) {
      for (let index = 0; index < count; index++) {
        expect(colourSlot(index, count)).not.toBe(colourSlot((index + 1) % count, count));
      }
    }
  });
});
