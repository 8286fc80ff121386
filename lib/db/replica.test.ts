import { describe, expect, it } from "vitest";
import { replicaUrlOf } from "./replica";

describe("replicaUrlOf", () => {
  it("is undefined when DATABASE_REPLICA_URL is unset or empty, so every read goes to the primary", () => {
    expect(replicaUrlOf({})).toBeUndefined();
    expect(replicaUrlOf({ DATABASE_REPLICA_URL: " " })).toBeUndefined();
  });

  it("returns a postgresql:// URL and refuses anything else, naming the variable", () => {
    expect(replicaUrlOf({ DATABASE_REPLICA_URL: "postgresql://ops@replica:5432/ops_review" })).toBe("postgresql://ops@replica:5432/ops_review");
    expect(() => replicaUrlOf({ DATABASE_REPLICA_URL: "mysql://replica/ops" })).toThrow(/DATABASE_REPLICA_URL/);
  });
});
