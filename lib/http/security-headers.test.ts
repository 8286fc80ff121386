import { describe, expect, it } from "vitest";
import nextConfig from "@/next.config";

describe("headers on every response", () => {
  it("include Cross-Origin-Opener-Policy: same-origin for pages and API alike", async () => {
    const rules = (await nextConfig.headers?.()) ?? [];
    const all = rules.find((rule) => rule.source === "/:path*");
    expect(all?.headers).toEqual(
      expect.arrayContaining([
        { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
        { key: "X-Frame-Options", value: "DENY" },
      ]),
    );
  });
});
