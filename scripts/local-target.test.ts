import { describe, expect, it } from "vitest";
import { nonLocalTarget } from "./local-target";

describe("the browser tests' target", () => {
  it("is accepted on this machine: localhost, 127.0.0.1, ::1 or a Unix socket", () => {
    expect(nonLocalTarget({})).toBeNull();
    expect(
      nonLocalTarget({
        E2E_BASE_URL: "http://127.0.0.1:3001",
        E2E_DATABASE_URL: "postgresql://ops:secret@localhost:5432/e2e_1",
        DATABASE_URL: "postgresql://ops:secret@[::1]:5432/ops_review",
      }),
    ).toBeNull();
    expect(nonLocalTarget({ DATABASE_URL: "postgresql:///ops_review?host=/var/run/postgresql" })).toBeNull();
  });

  it("is refused anywhere else, naming the variable and the host", () => {
    expect(nonLocalTarget({ E2E_DATABASE_URL: "postgresql://ops:secret@db.internal.example.com:5432/ops_review" })).toMatch(
      /^E2E_DATABASE_URL points at db\.internal\.example\.com: .*localhost, 127\.0\.0\.1 or ::1/,
    );
    expect(nonLocalTarget({ E2E_BASE_URL: "http://127.0.0.1:3001", DATABASE_URL: "postgresql://ops@10.0.0.5/ops_review" })).toMatch(
      /^DATABASE_URL points at 10\.0\.0\.5/,
    );
    expect(nonLocalTarget({ E2E_BASE_URL: "https://ops-review.example.com" })).toMatch(/^E2E_BASE_URL points at ops-review\.example\.com/);
    expect(nonLocalTarget({ DATABASE_URL: "postgresql://ops@localhost.example.com/ops_review" })).toMatch(/^DATABASE_URL points at localhost\.example\.com/);
    expect(nonLocalTarget({ DATABASE_URL: "postgresql:///ops_review?host=db.example.com" })).toMatch(/^DATABASE_URL points at/);
  });

  it("is refused when a target is not a URL", () => {
    expect(nonLocalTarget({ E2E_DATABASE_URL: "ops_review" })).toBe("E2E_DATABASE_URL is not a URL; the browser tests run only against this machine.");
  });
});
