import { describe, expect, it } from "vitest";
import { changeCountsOf } from "./reads/change-facts";
import { changeFigureLines, deployToImpactText, incidentVerdictText, involvementText, policyVerdictText } from "./change-words";
import { incidentOf } from "./test-facts";
import type { WeekChangeFigures } from "./agenda-types";

const week = (overrides: Partial<WeekChangeFigures> = {}): WeekChangeFigures => ({
  ...changeCountsOf(63, 4),
  aiInvolved: changeCountsOf(21, 2),
  other: changeCountsOf(42, 2),
  withoutRequiredSignOff: 5,
  weekRunning: false,
  ...overrides,
});

describe("the METRICS item's change lines", () => {
  it("give the week's rate, AI-involved against the others, and the count without the required sign-off", () => {
    // 4 / 63 = 6.35 %, 2 / 21 = 9.52 %, 2 / 42 = 4.76 %.
    expect(changeFigureLines(week())).toEqual([
      "Changes: 63 deployed, 4 failed (6.3 %)",
      "AI-involved: 2 of 21 failed (9.5 %) · Other: 2 of 42 (4.8 %)",
      "Shipped without required sign-off: 5",
    ]);
  });

  it("say so far while the week runs", () => {
    expect(changeFigureLines(week({ weekRunning: true }))[0]).toBe("Changes so far: 63 deployed, 4 failed (6.3 %)");
    const none = changeCountsOf(0, 0);
    expect(changeFigureLines(week({ ...none, aiInvolved: none, other: none, weekRunning: true }))).toEqual(["No changes recorded this week so far"]);
  });

  it("never give a rate for a group without changes", () => {
    const lines = changeFigureLines(
      week({ ...changeCountsOf(10, 1), aiInvolved: changeCountsOf(0, 0), other: changeCountsOf(10, 1), withoutRequiredSignOff: 0 }),
    );
    expect(lines[1]).toBe("AI-involved: none deployed · Other: 1 of 10 (10.0 %)");
  });

  it("say a meeting frozen before changes were counted did not record them", () => {
    expect(changeFigureLines(null)).toEqual(["Changes: not recorded at the time of the meeting"]);
  });
});

describe("a change's facts in words", () => {
  it("name the involvement and its tool without enum names", () => {
    expect(involvementText("NONE", null)).toBe("none");
    expect(involvementText("ASSISTED", "Claude")).toBe("AI-assisted (Claude)");
    expect(involvementText("AGENT", null)).toBe("AI agent");
  });

  it("give the policy's verdict", () => {
    expect(policyVerdictText({ policyViolation: true, approval: "PEER", requiredApproval: ["SENIOR", "MANAGER"] })).toBe(
      "Shipped without the required sign-off: it had peer sign-off, the policy requires senior or manager sign-off",
    );
    expect(policyVerdictText({ policyViolation: true, approval: "NONE", requiredApproval: ["MANAGER"] })).toBe(
      "Shipped without the required sign-off: it had no sign-off, the policy requires manager sign-off",
    );
    expect(policyVerdictText({ policyViolation: false, approval: "MANAGER", requiredApproval: ["MANAGER"] })).toBe(
      "Had the required sign-off (manager sign-off)",
    );
    expect(policyVerdictText({ policyViolation: false, approval: "NONE", requiredApproval: [] })).toBe("No AI involvement, so no extra sign-off required");
  });

  it("judge an incident without a recorded change on its own facts, and an old snapshot by its stored reason", () => {
    const unrecorded = incidentOf("INC-1", {
      policyViolation: true,
      changeApproval: "PEER",
      triggeringChange: { state: "not-recorded", reference: "CHG-9", requiredApproval: ["SENIOR", "MANAGER"] },
    });
    expect(incidentVerdictText(unrecorded)).toBe("Shipped without the required sign-off: it had peer sign-off, the policy requires senior or manager sign-off");
    expect(incidentVerdictText(incidentOf("INC-2", { policyViolation: true, policyViolationReason: "The reason then.", triggeringChange: null }))).toBe(
      "The reason then.",
    );
  });

  it("count the time from deploy to impact", () => {
    expect(deployToImpactText("2026-03-02T09:12:00Z", "2026-03-02T10:00:30Z")).toBe("48 min before impact began");
    expect(deployToImpactText("2026-03-02T10:05:00Z", "2026-03-02T10:00:00Z")).toBe("5 min after impact began");
  });
});
