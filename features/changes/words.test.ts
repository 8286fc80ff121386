import { describe, expect, it } from "vitest";
import {
  aiInvolvementWords,
  authorLevelWords,
  commitInWords,
  deployToImpactWords,
  minutesFromDeployToImpact,
  policyVerdict,
  signOffWords,
  type ChangeInWords,
} from "./words";

const change = (overrides: Partial<Omit<ChangeInWords, "ai">> & { ai?: Partial<ChangeInWords["ai"]> } = {}): ChangeInWords => ({
  change: { authorLevel: "MID", approval: "PEER" },
  policyViolation: false,
  requiredApproval: [],
  ...overrides,
  ai: { involvement: "NONE", tool: null, detected: "NONE", detectedTool: null, effective: "NONE", mismatch: false, ...overrides.ai },
});

describe("a change in words", () => {
  it("names the author level and the sign-off as people say them", () => {
    expect(authorLevelWords("SENIOR")).toBe("Senior author");
    expect(authorLevelWords("MID")).toBe("Mid-level author");
    expect(authorLevelWords(null)).toBe("Author level unknown");
    expect(signOffWords("NONE")).toBe("No sign-off");
    expect(signOffWords("MANAGER")).toBe("Manager sign-off");
  });

  it("sets the declared involvement beside what the trailers show, each with its tool", () => {
    expect(aiInvolvementWords(change({ ai: { detected: "ASSISTED", detectedTool: "Claude", effective: "ASSISTED", mismatch: true } }).ai)).toEqual({
      declared: "None",
      detected: "AI-assisted (Claude)",
    });
    expect(aiInvolvementWords(change({ ai: { involvement: "AGENT", tool: "Kiro", effective: "AGENT" } }).ai)).toEqual({
      declared: "AI agent (Kiro)",
      detected: "None",
    });
  });

  it("gives the policy's verdict: not required without AI, met, or without the required sign-off", () => {
    expect(policyVerdict(change())).toMatchObject({ violation: false, short: "Not required" });
    const met = policyVerdict(
      change({
        change: { authorLevel: "SENIOR", approval: "MANAGER" },
        requiredApproval: ["MANAGER"],
        ai: { involvement: "GENERATED", effective: "GENERATED" },
      }),
    );
    expect(met).toEqual({
      violation: false,
      short: "Signed off as required",
      sentence: "AI-generated change by a Senior engineer had Manager sign-off, as the policy requires.",
    });
    const undeclared = policyVerdict(
      change({
        policyViolation: true,
        requiredApproval: ["SENIOR", "MANAGER"],
        ai: { detected: "ASSISTED", detectedTool: "Copilot", effective: "ASSISTED", mismatch: true },
      }),
    );
    expect(undeclared).toEqual({
      violation: true,
      short: "Without required sign-off",
      sentence:
        "AI-assisted change by a Mid-level engineer had Peer sign-off; the policy requires Senior or Manager sign-off. Its commit trailers show AI involvement the author did not declare.",
    });
    const unknown = policyVerdict(
      change({
        change: { authorLevel: null, approval: "NONE" },
        policyViolation: true,
        requiredApproval: ["SENIOR", "MANAGER"],
        ai: { involvement: "AGENT", effective: "AGENT" },
      }),
    );
    expect(unknown.sentence).toBe("AI agent change by an engineer of unknown level had no sign-off; the policy requires Senior or Manager sign-off.");
  });

  it("counts whole minutes from deploy to impact, and says so when impact began first", () => {
    expect(minutesFromDeployToImpact("2026-03-10T09:30:00Z", "2026-03-10T10:12:59Z")).toBe(42);
    expect(deployToImpactWords(42)).toBe("42 min");
    expect(deployToImpactWords(185)).toBe("3 h 5 min");
    expect(minutesFromDeployToImpact("2026-03-10T09:30:00Z", "2026-03-10T09:20:00Z")).toBe(-10);
    expect(deployToImpactWords(-10)).toBe("Impact began 10 min before the deploy");
  });

  it("shows a commit as its short hash and subject line, the rest as its body", () => {
    expect(commitInWords({ sha: "4f2a9c1d8e7b", message: "Retry payment authorisation\r\n\r\nCo-authored-by: Claude <noreply@anthropic.com>\r\n" })).toEqual({
      sha: "4f2a9c1",
      subject: "Retry payment authorisation",
      body: "Co-authored-by: Claude <noreply@anthropic.com>",
    });
    expect(commitInWords({ sha: null, message: "\nBody only" })).toEqual({ sha: null, subject: "(no subject)", body: "Body only" });
  });
});
