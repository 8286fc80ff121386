import { describe, expect, it } from "vitest";
import { heapLimitMb, HeapLimitError, serveArguments } from "./heap-limit";

describe("heapLimitMb", () => {
  it("is 384 MB unless OPS_REVIEW_HEAP_MB says otherwise, and goes to Node as --max-old-space-size", () => {
    expect(heapLimitMb({})).toBe(384);
    expect(heapLimitMb({ OPS_REVIEW_HEAP_MB: "512" })).toBe(512);
    expect(() => heapLimitMb({ OPS_REVIEW_HEAP_MB: "lots" })).toThrow(HeapLimitError);
    expect(() => heapLimitMb({ OPS_REVIEW_HEAP_MB: "16" })).toThrow(/OPS_REVIEW_HEAP_MB/);
    expect(serveArguments(384)).toEqual(["--max-old-space-size=384", "--import", "tsx", "scripts/serve.ts"]);
  });
});
