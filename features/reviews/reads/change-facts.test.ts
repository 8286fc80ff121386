import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/database";
import { buildProposedAgenda } from "../agenda";
import { changeFigureLines } from "../change-words";
import { gatherAgendaFacts } from "./agenda-facts";
import { createReviewWeek, fileTestIncident, NOW, recordTestChange, WEEK } from "../test-week";

const { db } = useTestDatabase();
const references: Record<string, string> = {};

// Week 2026-W10 runs from Monday 2 March 00:00 to Monday 9 March 00:00 (UTC).
beforeAll(async () => {
  await db.organisationSettings.upsert({ where: { id: 1 }, create: { id: 1 }, update: {} });
  await createReviewWeek(db);
  const record = (reference: string, overrides: Record<string, unknown>) => recordTestChange(db, reference, overrides);
  // AI-involved: a MID's AI-assisted change with PEER sign-off (violating), a change declared
  // NONE whose trailers say AI-assisted (violating: judged on the stronger), and a SENIOR's
  // AI-generated change with MANAGER sign-off (compliant).
  await record("CHG-A1", { deployedAt: "2026-03-02T10:00:00Z", ai: { involvement: "ASSISTED", tool: "GitHub Copilot" } });
  await record("CHG-A2", { deployedAt: "2026-03-04T10:00:00Z", commits: [{ sha: "a2c4e6f", message: "Cache the price list\n\nAssisted-by: Claude" }] });
  await record("CHG-A3", { deployedAt: "2026-03-05T10:00:00Z", change: { authorLevel: "SENIOR", approval: "MANAGER" }, ai: { involvement: "GENERATED" } });
  // Other: one deployed on the week's last evening, whose incident started the next week; three that never failed.
  await record("CHG-O1", { deployedAt: "2026-03-08T23:00:00Z" });
  for (const [n, day] of [
    [2, "03"],
    [3, "04"],
    [4, "06"],
  ])
    await record(`CHG-O${n}`, { deployedAt: `2026-03-${day}T12:00:00Z` });
  // Outside the week (UTC): the previous Sunday (one of them failed by an incident of this week), and the next Monday at 00:00.
  await record("CHG-W9", { deployedAt: "2026-03-01T23:59:00Z" });
  await record("CHG-W9B", { deployedAt: "2026-03-01T20:00:00Z" });
  await record("CHG-W11", { deployedAt: "2026-03-09T00:00:00Z" });

  // Incidents naming a change take its sign-off and AI involvement (nothing given here).
  const file = async (name: string, startedAt: string, change: Record<string, unknown>, ai: Record<string, unknown> = {}) => {
    const incident = await fileTestIncident(db, {
      title: `Incident ${name}`,
      severity: "SEV2",
      startedAt,
      mitigatedAt: startedAt,
      resolvedAt: startedAt,
      change,
      ai,
    });
    references[name] = incident.reference;
  };
  await file("first of A1", "2026-03-02T11:00:00Z", { reference: "CHG-A1" });
  await file("second of A1", "2026-03-03T11:00:00Z", { reference: "CHG-A1" });
  await file("of A2", "2026-03-04T11:00:00Z", { reference: "CHG-A2" });
  await file("of O1", "2026-03-10T08:00:00Z", { reference: "CHG-O1" });
  await file("of W9", "2026-03-02T01:00:00Z", { reference: "CHG-W9" });
  await file("unrecorded", "2026-03-05T11:00:00Z", { reference: "CHG-404", authorLevel: "JUNIOR", approval: "SENIOR" }, { involvement: "AGENT", tool: "Kiro" });
  await file("unnamed", "2026-03-06T11:00:00Z", { authorLevel: "SENIOR", approval: "PEER" }, { involvement: "GENERATED" });
});

const changesOf = async (week: string, now = NOW) => (await gatherAgendaFacts(db, week, now)).metrics.changes;

describe("the METRICS item's change figures", () => {
  it("counts the week's changes, failed ones once, split by AI involvement, and those without the required sign-off", async () => {
    // 7 deployed: A1, A2, A3, O1..O4. Failed: A1 (two incidents, counted once), A2, and O1
    // (its incident started the next week) = 3 of 7. AI-involved: A1 and A2 of A1..A3 = 2 of 3;
    // other: O1 of O1..O4 = 1 of 4. Without the required sign-off: A1 and A2 = 2. W9 failed but
    // was deployed the week before; W11 was deployed at the next week's first instant.
    const changes = await changesOf(WEEK);
    expect(changes).toEqual({
      changes: 7,
      failed: 3,
      changeFailureRate: 3 / 7,
      aiInvolved: { changes: 3, failed: 2, changeFailureRate: 2 / 3 },
      other: { changes: 4, failed: 1, changeFailureRate: 1 / 4 },
      withoutRequiredSignOff: 2,
      weekRunning: false,
    });
    expect(changeFigureLines(changes)).toEqual([
      "Changes: 7 deployed, 3 failed (42.9 %)",
      "AI-involved: 2 of 3 failed (66.7 %) · Other: 1 of 4 (25.0 %)",
      "Shipped without required sign-off: 2",
    ]);
  });

  it("says a week without changes has none, never 0 %", async () => {
    const changes = await changesOf("2026-W08");
    expect(changes).toMatchObject({
      changes: 0,
      failed: 0,
      changeFailureRate: null,
      aiInvolved: { changeFailureRate: null },
      other: { changeFailureRate: null },
      withoutRequiredSignOff: 0,
    });
    expect(changeFigureLines(changes)).toEqual(["No changes recorded this week"]);
  });

  it("marks the figures of a week still running as so far", async () => {
    // Thursday 12 March is in week 11, which holds W11 alone so far.
    const changes = await changesOf("2026-W11", NOW);
    expect(changes).toMatchObject({ changes: 1, failed: 0, weekRunning: true });
    expect(changeFigureLines(changes)[0]).toBe("Changes so far: 1 deployed, 0 failed (0.0 %)");
  });

  it("takes the week in the organisation's time zone", async () => {
    await db.organisationSettings.update({ where: { id: 1 }, data: { timeZone: "Asia/Tokyo" } });
    try {
      // Week 10 in Tokyo: 1 March 15:00 to 8 March 15:00 UTC. W9 and W9B join it, O1 leaves it.
      expect(await changesOf(WEEK)).toMatchObject({ changes: 8, failed: 3, aiInvolved: { changes: 3, failed: 2 }, other: { changes: 5, failed: 1 } });
    } finally {
      await db.organisationSettings.update({ where: { id: 1 }, data: { timeZone: "UTC" } });
    }
  });
});

describe("the AI_CHANGE_REVIEW item's changes", () => {
  it("shows each incident's triggering change: declared against detected involvement, or why there is none", async () => {
    const facts = await gatherAgendaFacts(db, WEEK, NOW);
    const detail = buildProposedAgenda(facts).find((item) => item.kind === "AI_CHANGE_REVIEW")?.detail;
    if (detail?.kind !== "AI_CHANGE_REVIEW") throw new Error("no AI change review");
    const trigger = (name: string) => detail.incidents.find((i) => i.reference === references[name])?.triggeringChange;

    // Declared NONE, the trailers say ASSISTED: the incident took the stronger, and is on the item.
    expect(trigger("of A2")).toEqual({
      state: "recorded",
      change: {
        reference: "CHG-A2",
        title: null,
        url: null,
        service: { slug: "checkout-api", name: "checkout-api" },
        deployedAt: "2026-03-04T10:00:00.000Z",
        authorLevel: "MID",
        approval: "PEER",
        declared: { involvement: "NONE", tool: null },
        detected: { involvement: "ASSISTED", tool: null },
        mismatch: true,
        policyViolation: true,
        requiredApproval: ["SENIOR", "MANAGER"],
      },
    });
    expect(trigger("first of A1")).toMatchObject({
      state: "recorded",
      change: { declared: { involvement: "ASSISTED", tool: "GitHub Copilot" }, mismatch: false },
    });
    // Without a recorded change, what the policy asks of the incident's own author: a JUNIOR SENIOR or MANAGER, a SENIOR MANAGER.
    expect(trigger("unrecorded")).toEqual({ state: "not-recorded", reference: "CHG-404", requiredApproval: ["SENIOR", "MANAGER"] });
    expect(trigger("unnamed")).toEqual({ state: "not-named", requiredApproval: ["MANAGER"] });
  });
});
