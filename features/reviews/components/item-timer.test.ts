import { describe, expect, it } from "vitest";
import { timerTone } from "./item-timer";

describe("the item timer's colour", () => {
  it("stays on time until the last fifth of the time box, or its last minute if shorter", () => {
    expect(timerTone(7 * 60, 10)).toBe("on-time");
    expect(timerTone(8 * 60, 10)).toBe("near-end");
    expect(timerTone(3 * 60 + 59, 5)).toBe("on-time");
    expect(timerTone(4 * 60, 5)).toBe("near-end");
  });

  it("turns red once the time box is used up", () => {
    expect(timerTone(10 * 60, 10)).toBe("near-end");
    expect(timerTone(10 * 60 + 1, 10)).toBe("over");
  });
});
