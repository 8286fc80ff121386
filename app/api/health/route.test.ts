import { afterAll, describe, expect, it, vi } from "vitest";
import { findFreePort } from "@/lib/db/embedded-postgres";

describe("GET /api/health", () => {
  afterAll(() => vi.unstubAllEnvs());

  it("answers 503 with database down when PostgreSQL is unreachable", async () => {
    // Nothing listens on a port just found free: the connection is refused at once.
    vi.stubEnv("DATABASE_URL", `postgresql://nobody:nothing@127.0.0.1:${await findFreePort()}/none`);
    vi.spyOn(console, "error").mockImplementation(() => {});
    const { GET } = await import("./route");
    const response = await GET();
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: "degraded", database: "down" });
  });
});
