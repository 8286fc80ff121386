import { beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_APPROVAL_POLICY, isPolicyViolation, type ApprovalPolicy } from "@/lib/domain/approval-policy";
import { useTestDatabase } from "@/test/database";
import { recomputePolicyViolations } from "./policy-violations";
import { CHANGE_MATRIX, insertChangeMatrix, matrixFlags } from "./test-fixtures";

const { db } = useTestDatabase();

beforeEach(async () => {
  await db.incident.deleteMany();
});

const POLICIES: Record<string, ApprovalPolicy> = {
  default: DEFAULT_APPROVAL_POLICY,
  lenient: {
    JUNIOR: ["PEER", "SENIOR", "MANAGER"],
    MID: ["PEER", "SENIOR", "MANAGER"],
    SENIOR: ["PEER", "SENIOR", "MANAGER"],
    PRINCIPAL: ["NONE", "PEER", "SENIOR", "MANAGER"],
    UNKNOWN: ["MANAGER"],
  },
  "nothing allowed": { JUNIOR: [], MID: [], SENIOR: [], PRINCIPAL: [], UNKNOWN: [] },
  "anything allowed": {
    JUNIOR: ["NONE", "PEER", "SENIOR", "MANAGER"],
    MID: ["NONE", "PEER", "SENIOR", "MANAGER"],
    SENIOR: ["NONE", "PEER", "SENIOR", "MANAGER"],
    PRINCIPAL: ["NONE", "PEER", "SENIOR", "MANAGER"],
    UNKNOWN: ["NONE", "PEER", "SENIOR", "MANAGER"],
  },
  "odd but legal": { JUNIOR: ["MANAGER"], MID: ["PEER"], SENIOR: ["NONE"], PRINCIPAL: ["SENIOR"], UNKNOWN: ["PEER", "MANAGER"] },
};

describe("recomputePolicyViolations", () => {
  it.each(Object.entries(POLICIES))("agrees with isPolicyViolation over every author × approval × involvement under the %s policy", async (_name, policy) => {
    const expected = CHANGE_MATRIX.map((c) => isPolicyViolation(c, policy));
    // Every stored flag starts wrong, so each one the statement leaves alone would show.
    await insertChangeMatrix(db, "INC-M", (c) => isPolicyViolation(c, policy));
    const recount = await db.$transaction((tx) => recomputePolicyViolations(tx, policy));
    expect(await matrixFlags(db, "INC-M")).toEqual(expected);
    expect(recount).toEqual({ flagged: expected.filter(Boolean).length, cleared: expected.filter((v) => !v).length });
  });

  it("writes only the incidents whose flag changes", async () => {
    await insertChangeMatrix(db, "INC-M", (c) => !isPolicyViolation(c)); // stored flags already right
    const before = await db.incident.findMany({ select: { id: true, version: true, updatedAt: true } });
    expect(await db.$transaction((tx) => recomputePolicyViolations(tx, DEFAULT_APPROVAL_POLICY))).toEqual({ flagged: 0, cleared: 0 });
    expect(await db.incident.findMany({ select: { id: true, version: true, updatedAt: true } })).toEqual(before);
  });
});
