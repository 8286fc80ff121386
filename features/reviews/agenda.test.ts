import { describe, expect, it } from "vitest";
import { AGENDA_LIST_LIMIT, buildProposedAgenda } from "./agenda";
import { actionItemOf, factsOf, incidentOf } from "./test-facts";

const kinds = (facts = factsOf()) => buildProposedAgenda(facts).map((item) => item.kind);

describe("buildProposedAgenda", () => {
  it("proposes only the week at a glance for a quiet week: empty items are left out", () => {
    expect(kinds()).toEqual(["METRICS"]);
  });

  it("puts every kind in the documented order", () => {
    const facts = factsOf({
      incidents: [incidentOf("INC-2026-0002", { severity: "SEV1", aiInvolvement: "AGENT" }), incidentOf("INC-2026-0003")],
      overdueActionItems: { rows: [actionItemOf("a1")], total: 1 },
      pendingPostmortems: {
        rows: [{ reference: "INC-2026-0001", title: "Old", startedAt: "2026-02-01T00:00:00.000Z", startedOn: "2026-02-01", postmortemState: "DRAFT" }],
        total: 1,
      },
      wheel: { service: { slug: "search", name: "Search", team: "Discovery" }, candidates: [] },
      previousMeeting: { week: "2026-W09", finishedAt: "2026-03-04T10:00:00.000Z", decisions: [], actionItems: [actionItemOf("a2")] },
    });
    expect(kinds(facts)).toEqual([
      "METRICS",
      "FOLLOW_UPS",
      "SEV1_DEEP_DIVE",
      "AI_CHANGE_REVIEW",
      "SEV2_ROUNDUP",
      "OVERDUE_ACTION_ITEMS",
      "POSTMORTEMS_PENDING",
      "WHEEL",
    ]);
  });

  it("gives each SEV1 its own deep dive, most impact minutes first", () => {
    const facts = factsOf({
      incidents: [
        incidentOf("INC-2026-0010", { severity: "SEV1", impactMinutes: 45 }),
        incidentOf("INC-2026-0011", { severity: "SEV1", impactMinutes: 360 }),
        incidentOf("INC-2026-0012", { severity: "SEV2", impactMinutes: 900 }),
        incidentOf("INC-2026-0013", { severity: "SEV1", impactMinutes: 780 }),
      ],
    });
    const deepDives = buildProposedAgenda(facts).filter((item) => item.kind === "SEV1_DEEP_DIVE");
    expect(deepDives.map((item) => item.key)).toEqual(["SEV1_DEEP_DIVE:INC-2026-0013", "SEV1_DEEP_DIVE:INC-2026-0011", "SEV1_DEEP_DIVE:INC-2026-0010"]);
    expect(deepDives[0]?.title).toBe("INC-2026-0013: Incident INC-2026-0013");
  });

  it("reviews the AI-involved changes with policy violations first, and leaves out NONE", () => {
    const facts = factsOf({
      incidents: [
        incidentOf("INC-2026-0020", { aiInvolvement: "ASSISTED", startedAt: "2026-03-02T01:00:00.000Z" }),
        incidentOf("INC-2026-0021", { aiInvolvement: "NONE" }),
        incidentOf("INC-2026-0022", { aiInvolvement: "AGENT", policyViolation: true, startedAt: "2026-03-05T01:00:00.000Z" }),
        incidentOf("INC-2026-0023", { aiInvolvement: "GENERATED", policyViolation: true, startedAt: "2026-03-04T01:00:00.000Z" }),
      ],
    });
    const review = buildProposedAgenda(facts).find((item) => item.kind === "AI_CHANGE_REVIEW");
    if (review?.detail.kind !== "AI_CHANGE_REVIEW") throw new Error("no AI change review proposed");
    expect(review.detail.incidents.map((i) => i.reference)).toEqual(["INC-2026-0023", "INC-2026-0022", "INC-2026-0020"]);
    expect(review.title).toBe("AI-involved changes: 3 incidents, 2 policy violations");
  });

  it("holds the SEV2s of the week in one roundup, the most impact first", () => {
    const facts = factsOf({ incidents: [incidentOf("INC-2026-0031"), incidentOf("INC-2026-0030", { impactMinutes: 90 })] });
    const roundups = buildProposedAgenda(facts).filter((item) => item.kind === "SEV2_ROUNDUP");
    expect(roundups).toHaveLength(1);
    expect(roundups[0]?.detail).toMatchObject({ incidents: [{ reference: "INC-2026-0030" }, { reference: "INC-2026-0031" }], more: 0 });
  });

  it("gives the AGENDA_LIST_LIMIT SEV1s with the most impact a deep dive each, and counts the rest in the week at a glance", () => {
    const sev1s = Array.from({ length: AGENDA_LIST_LIMIT }, (_, n) =>
      incidentOf(`INC-2026-${String(100 + n).padStart(4, "0")}`, { severity: "SEV1", impactMinutes: n }),
    );
    const items = buildProposedAgenda(factsOf({ incidents: sev1s, counts: { sev1: AGENDA_LIST_LIMIT + 7, sev2: 0, aiInvolved: 0, aiPolicyViolations: 0 } }));
    const deepDives = items.filter((item) => item.kind === "SEV1_DEEP_DIVE");
    expect(deepDives).toHaveLength(AGENDA_LIST_LIMIT);
    expect(deepDives[0]?.key).toBe(`SEV1_DEEP_DIVE:INC-2026-${String(100 + AGENDA_LIST_LIMIT - 1).padStart(4, "0")}`);
    expect(items[0]?.detail).toMatchObject({ kind: "METRICS", moreSev1: 7 });
    // a week of few SEV1s: every one, and nothing counted aside
    const few = buildProposedAgenda(factsOf({ incidents: sev1s.slice(0, 3), counts: { sev1: 3, sev2: 0, aiInvolved: 0, aiPolicyViolations: 0 } }));
    expect(few.filter((item) => item.kind === "SEV1_DEEP_DIVE")).toHaveLength(3);
    expect(few[0]?.detail).not.toHaveProperty("moreSev1");
  });

  it("orders the Sev2 roundup by impact, shows AGENDA_LIST_LIMIT of them and counts the rest", () => {
    const sev2s = Array.from({ length: AGENDA_LIST_LIMIT }, (_, n) => incidentOf(`INC-2026-${String(100 + n).padStart(4, "0")}`, { impactMinutes: n }));
    const facts = factsOf({ incidents: sev2s, counts: { sev1: 0, sev2: 4_000, aiInvolved: 0, aiPolicyViolations: 0 } });
    const roundup = buildProposedAgenda(facts).find((item) => item.kind === "SEV2_ROUNDUP");
    if (roundup?.detail.kind !== "SEV2_ROUNDUP") throw new Error("no roundup proposed");
    expect(roundup.title).toBe("Sev2 roundup: 4,000 incidents");
    expect(roundup.minutes).toBe(15);
    expect(roundup.detail.incidents).toHaveLength(AGENDA_LIST_LIMIT);
    expect(roundup.detail.incidents[0]?.impactMinutes).toBe(AGENDA_LIST_LIMIT - 1);
    expect(roundup.detail.more).toBe(4_000 - AGENDA_LIST_LIMIT);
  });

  it("titles the AI change review with the week's counts, not the rows shown", () => {
    const facts = factsOf({
      incidents: [incidentOf("INC-2026-0040", { aiInvolvement: "AGENT", policyViolation: true })],
      counts: { sev1: 0, sev2: 900, aiInvolved: 300, aiPolicyViolations: 120 },
    });
    const review = buildProposedAgenda(facts).find((item) => item.kind === "AI_CHANGE_REVIEW");
    expect(review).toMatchObject({ title: "AI-involved changes: 300 incidents, 120 policy violations", detail: { more: 299 } });
  });

  it("counts a long backlog and names only the rows it shows", () => {
    const shown = Array.from({ length: AGENDA_LIST_LIMIT }, (_, n) =>
      actionItemOf(`a${n}`, { incidentReference: `INC-2026-${String(n % 2).padStart(4, "0")}` }),
    );
    const overdue = buildProposedAgenda(factsOf({ overdueActionItems: { rows: shown, total: AGENDA_LIST_LIMIT + 3 } })).find(
      (item) => item.kind === "OVERDUE_ACTION_ITEMS",
    );
    if (overdue?.detail.kind !== "OVERDUE_ACTION_ITEMS") throw new Error("no overdue item proposed");
    expect(overdue.title).toBe(`Overdue action items: ${AGENDA_LIST_LIMIT + 3}`);
    expect(overdue.detail.actionItems).toHaveLength(AGENDA_LIST_LIMIT);
    expect(overdue.detail.more).toBe(3);
    expect(overdue.detail.actionItemIds).toEqual(shown.map((a) => a.id));
    expect(overdue.detail.incidentReferences).toEqual(["INC-2026-0000", "INC-2026-0001"]);
  });

  it("leaves out the follow-ups when the previous held meeting recorded nothing", () => {
    expect(kinds(factsOf({ previousMeeting: { week: "2026-W09", finishedAt: "2026-03-04T10:00:00.000Z", decisions: [], actionItems: [] } }))).toEqual([
      "METRICS",
    ]);
  });

  it("leaves out the pending postmortems and the backlog when there are none", () => {
    expect(kinds(factsOf({ overdueActionItems: { rows: [], total: 0 }, pendingPostmortems: { rows: [], total: 0 } }))).toEqual(["METRICS"]);
  });

  it("spins the wheel only when there is a service to land on", () => {
    const facts = factsOf({ wheel: { service: { slug: "search", name: "Search", team: "Discovery" }, candidates: [] } });
    expect(buildProposedAgenda(facts).at(-1)).toMatchObject({ key: "WHEEL", title: "The wheel: Search" });
  });
});

describe("the meeting date", () => {
  it("is held the week after, on the meeting weekday, and judges on it or today, whichever comes first", async () => {
    const { judgementDate, meetingDateOf } = await import("./schedule");
    expect(meetingDateOf("2026-W10", 3)).toBe("2026-03-11");
    expect(meetingDateOf("2020-W53", 1)).toBe("2021-01-04");
    expect(meetingDateOf("2026-W52", 7)).toBe("2027-01-03");
    expect(judgementDate("2026-03-11", "2026-03-09")).toBe("2026-03-09");
    expect(judgementDate("2026-03-11", "2026-05-01")).toBe("2026-03-11");
  });
});
