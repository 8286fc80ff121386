import { describe, expect, it } from "vitest";
import { heapLimitMb, HeapLimitError, serveArguments, serveEnvironment } from "./serve-process";

describe("heapLimitMb", () => {
  it("is 384 MB unless OPS_REVIEW_HEAP_MB says otherwise, and goes to Node as --max-old-space-size", () => {
    expect(heapLimitMb({})).toBe(384);
    expect(heapLimitMb({ OPS_REVIEW_HEAP_MB: "512" })).toBe(512);
    expect(() => heapLimitMb({ OPS_REVIEW_HEAP_MB: "lots" })).toThrow(HeapLimitError);
    expect(() => heapLimitMb({ OPS_REVIEW_HEAP_MB: "16" })).toThrow(/OPS_REVIEW_HEAP_MB/);
    expect(serveArguments(384)).toEqual(["--max-old-space-size=384", "--import", "tsx", "scripts/serve.ts"]);
  });
});

describe("serveEnvironment", () => {
  it("keeps the parent's variables and sets production mode, the port, database and sign-in settings", () => {
    const env = serveEnvironment(
      { port: 4100, host: "127.0.0.1", databaseUrl: "postgresql://x/y", secret: "s", publicUrl: "http://localhost:4100", demo: "" },
      { KEEP: "1", NODE_ENV: "test" },
    );
    expect(env).toEqual({
      KEEP: "1",
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: "4100",
      HOST: "127.0.0.1",
      DATABASE_URL: "postgresql://x/y",
      NEXTAUTH_SECRET: "s",
      NEXTAUTH_URL: "http://localhost:4100",
      OPS_REVIEW_DEMO: "",
    });
  });
});
