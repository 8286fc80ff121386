import { describe, it, expect } from "vitest";
import {
  DEFAULT_APPROVAL_POLICY,
  isPolicyViolation,
  policyViolationReason,
  requiredApprovals,
  type AiInvolvement,
  type ApprovalPolicy,
  type AuthorLevel,
  type ChangeApproval,
} from "@/lib/domain/approval-policy";

const APPROVALS: ChangeApproval[] = ["NONE", "PEER", "SENIOR", "MANAGER"];

// Written from docs/domain.md, not from the code. One cell per approval, in the order
// NONE PEER SENIOR MANAGER: "X" = policy violation, "." = fine.
const EXPECTED: Record<AiInvolvement, Record<AuthorLevel | "UNKNOWN", string>> = {
  NONE: { JUNIOR: "....", MID: "....", SENIOR: "....", PRINCIPAL: "....", UNKNOWN: "...." },
  ASSISTED: { JUNIOR: "XX..", MID: "XX..", SENIOR: "XXX.", PRINCIPAL: "XXX.", UNKNOWN: "XX.." },
  GENERATED: { JUNIOR: "XX..", MID: "XX..", SENIOR: "XXX.", PRINCIPAL: "XXX.", UNKNOWN: "XX.." },
  AGENT: { JUNIOR: "XX..", MID: "XX..", SENIOR: "XXX.", PRINCIPAL: "XXX.", UNKNOWN: "XX.." },
};

const matrix = Object.entries(EXPECTED).flatMap(([involvement, byLevel]) =>
  Object.entries(byLevel).flatMap(([level, cells]) =>
    APPROVALS.map((approval, column) => ({
      aiInvolvement: involvement as AiInvolvement,
      authorLevel: level === "UNKNOWN" ? null : (level as AuthorLevel),
      approval,
      violation: cells[column] === "X",
    })),
  ),
);

describe("the default policy, every combination", () => {
  it("has 4 involvements × 5 author levels × 4 approvals = 80 cases", () => {
    expect(matrix).toHaveLength(80);
  });

  it.each(matrix)("$aiInvolvement change by $authorLevel with $approval approval: violation $violation", ({ violation, ...change }) => {
    expect(isPolicyViolation(change)).toBe(violation);
    // The sentence exists exactly when there is a violation to explain.
    expect(policyViolationReason(change) !== null).toBe(violation);
  });
});

describe("requiredApprovals", () => {
  it("follows the documented defaults, treating a missing author level as a junior one", () => {
    expect(requiredApprovals("JUNIOR")).toEqual(["SENIOR", "MANAGER"]);
    expect(requiredApprovals("MID")).toEqual(["SENIOR", "MANAGER"]);
    expect(requiredApprovals("SENIOR")).toEqual(["MANAGER"]);
    expect(requiredApprovals("PRINCIPAL")).toEqual(["MANAGER"]);
    expect(requiredApprovals(null)).toEqual(["SENIOR", "MANAGER"]);
    expect(requiredApprovals(undefined)).toEqual(["SENIOR", "MANAGER"]);
  });

  it("hands out a copy, so the shared default cannot be changed through it", () => {
    requiredApprovals("JUNIOR").push("PEER");
    expect(requiredApprovals("JUNIOR")).toEqual(["SENIOR", "MANAGER"]);
  });

  it("refuses to let the default policy be mutated", () => {
    expect(Object.isFrozen(DEFAULT_APPROVAL_POLICY)).toBe(true);
    expect(() => DEFAULT_APPROVAL_POLICY.MID.push("PEER")).toThrow(TypeError);
  });
});

describe("an organisation's own policy", () => {
  const lenient: ApprovalPolicy = { ...DEFAULT_APPROVAL_POLICY, SENIOR: ["PEER", "SENIOR", "MANAGER"] };
  const strict: ApprovalPolicy = { ...DEFAULT_APPROVAL_POLICY, JUNIOR: ["MANAGER"], UNKNOWN: ["MANAGER"] };

  it("is used instead of the default when given", () => {
    const seniorWithPeer = { aiInvolvement: "GENERATED", authorLevel: "SENIOR", approval: "PEER" } as const;
    expect(isPolicyViolation(seniorWithPeer)).toBe(true);
    expect(isPolicyViolation(seniorWithPeer, lenient)).toBe(false);

    const juniorWithSenior = { aiInvolvement: "ASSISTED", authorLevel: "JUNIOR", approval: "SENIOR" } as const;
    expect(isPolicyViolation(juniorWithSenior)).toBe(false);
    expect(isPolicyViolation(juniorWithSenior, strict)).toBe(true);
    expect(requiredApprovals(null, strict)).toEqual(["MANAGER"]);
  });

  it("never makes a change without AI involvement a violation", () => {
    const nothingAllowed: ApprovalPolicy = { JUNIOR: [], MID: [], SENIOR: [], PRINCIPAL: [], UNKNOWN: [] };
    expect(isPolicyViolation({ aiInvolvement: "NONE", authorLevel: "JUNIOR", approval: "NONE" }, nothingAllowed)).toBe(false);
    expect(isPolicyViolation({ aiInvolvement: "AGENT", authorLevel: "JUNIOR", approval: "MANAGER" }, nothingAllowed)).toBe(true);
  });
});

describe("a missing approval", () => {
  it("counts as no sign-off", () => {
    expect(isPolicyViolation({ aiInvolvement: "AGENT", authorLevel: "PRINCIPAL", approval: null })).toBe(true);
    expect(isPolicyViolation({ aiInvolvement: "ASSISTED", authorLevel: "MID" })).toBe(true);
    expect(isPolicyViolation({ aiInvolvement: "NONE", authorLevel: "MID" })).toBe(false);
  });
});

describe("policyViolationReason", () => {
  it("names the involvement, the author, the sign-off and the requirement, in the words the pages use", () => {
    expect(policyViolationReason({ aiInvolvement: "GENERATED", authorLevel: "MID", approval: "PEER" })).toBe(
      "AI-generated change by a Mid-level engineer had Peer sign-off; policy requires Senior or Manager.",
    );
    expect(policyViolationReason({ aiInvolvement: "ASSISTED", authorLevel: "SENIOR", approval: "SENIOR" })).toBe(
      "AI-assisted change by a Senior engineer had Senior sign-off; policy requires Manager.",
    );
  });

  it("words an agent's change, an unknown author and no sign-off", () => {
    expect(policyViolationReason({ aiInvolvement: "AGENT", authorLevel: null, approval: "NONE" })).toBe(
      "Change executed by an AI agent on behalf of an engineer of unknown level had no sign-off; policy requires Senior or Manager.",
    );
  });

  it("lists three or more alternatives with commas and a final 'or'", () => {
    const policy: ApprovalPolicy = { ...DEFAULT_APPROVAL_POLICY, JUNIOR: ["PEER", "SENIOR", "MANAGER"] };
    expect(policyViolationReason({ aiInvolvement: "ASSISTED", authorLevel: "JUNIOR", approval: "NONE" }, policy)).toBe(
      "AI-assisted change by a Junior engineer had no sign-off; policy requires Peer, Senior or Manager.",
    );
  });

  it("explains a level for which no sign-off is enough", () => {
    const policy: ApprovalPolicy = { ...DEFAULT_APPROVAL_POLICY, JUNIOR: [] };
    expect(policyViolationReason({ aiInvolvement: "GENERATED", authorLevel: "JUNIOR", approval: "MANAGER" }, policy)).toBe(
      "AI-generated change by a Junior engineer had Manager sign-off; policy allows no AI-involved change at this level.",
    );
  });

  it("is null when the policy is met or no AI was involved", () => {
    expect(policyViolationReason({ aiInvolvement: "GENERATED", authorLevel: "MID", approval: "SENIOR" })).toBeNull();
    expect(policyViolationReason({ aiInvolvement: "NONE", authorLevel: "JUNIOR", approval: "NONE" })).toBeNull();
  });

  it("uses the policy it is given", () => {
    const policy: ApprovalPolicy = { ...DEFAULT_APPROVAL_POLICY, MID: ["PEER", "SENIOR", "MANAGER"] };
    expect(policyViolationReason({ aiInvolvement: "GENERATED", authorLevel: "MID", approval: "PEER" }, policy)).toBeNull();
  });
});
