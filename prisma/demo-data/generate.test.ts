import { describe, expect, it } from "vitest";
import { incidentRuleErrors } from "@/features/incidents/rules";
import { isPolicyViolation } from "@/lib/domain/approval-policy";
import { deriveChangeColumns, isAiMismatch } from "@/features/changes/derive";
import { DEFAULT_AI_TOOLS } from "@/lib/domain/ai-trailers";
import { DEFAULT_APPROVAL_POLICY } from "@/lib/domain/approval-policy";
import { generateBulkIncidents } from "./bulk";
import { bulkChangeBatches } from "./bulk-changes";
import { generateDemoData } from "./generate";
import { AGENT_OUTAGE_TITLE, CHECKOUT_OUTAGE_TITLE } from "./outages";
import type { DemoChange, DemoIncident } from "./types";
import { demoWeeks, overspentServices } from "./test-weeks";

const now = new Date("2026-11-20T15:30:00Z");
const data = generateDemoData({ seed: 7, now });
const DAY = 86_400_000;

function ruleErrors(incident: DemoIncident) {
  return incidentRuleErrors(incident, now);
}

function aiShare(incidents: DemoIncident[]): number {
  return incidents.filter((i) => i.aiInvolvement !== "NONE").length / incidents.length;
}

const failedReferences = new Set(data.incidents.flatMap((i) => (i.changeReference ? [i.changeReference] : [])));

/** Failed / all per group, judged on the derived columns as the metrics judge them. */
function failureRates(changes: DemoChange[], failed: (change: DemoChange) => boolean) {
  const group = (c: DemoChange) => (c.derived.aiEffective === "NONE" ? "NONE" : c.derived.policyViolation ? "violating" : "compliant");
  const rate = (name: string) => {
    const inGroup = changes.filter((c) => group(c) === name);
    return inGroup.filter(failed).length / inGroup.length;
  };
  return { none: rate("NONE"), compliant: rate("compliant"), violating: rate("violating") };
}

describe("generateDemoData", () => {
  it("gives the same data for the same seed and now, and different data for another seed", () => {
    expect(generateDemoData({ seed: 7, now })).toEqual(data);
    expect(generateDemoData({ seed: 8, now }).incidents.map((i) => i.title)).not.toEqual(data.incidents.map((i) => i.title));
  });

  it("fills a year with a plausible number of incidents of each severity", () => {
    const sev1 = data.incidents.filter((i) => i.severity === "SEV1").length;
    const sev2 = data.incidents.filter((i) => i.severity === "SEV2").length;
    expect(sev1).toBeGreaterThan(25);
    expect(sev1).toBeLessThan(80);
    expect(sev2).toBeGreaterThan(70);
    expect(sev2).toBeLessThan(200);
  });

  it("keeps every incident's timestamps and status in agreement, and none in the future", () => {
    for (const incident of data.incidents) expect({ reference: incident.reference, errors: ruleErrors(incident) }).toEqual({ reference: incident.reference, errors: {} });
    expect(data.incidents.some((i) => i.status === "INVESTIGATING")).toBe(true);
    expect(data.incidents.some((i) => i.status === "MITIGATED")).toBe(true);
  });

  it("gives every incident services, and a blast radius to match their number", () => {
    for (const incident of data.incidents) {
      expect(incident.serviceSlugs.length).toBeGreaterThan(0);
      if (incident.blastRadius === "SINGLE_SERVICE") expect(incident.serviceSlugs).toHaveLength(1);
      if (incident.blastRadius === "MULTI_SERVICE") expect(incident.serviceSlugs.length).toBeGreaterThan(1);
      if (incident.blastRadius === "SITE_WIDE") expect(incident.regions).toEqual([]);
    }
  });

  it("raises the AI-involved share over the year, with some policy violations", () => {
    const start = data.incidents[0]?.startedAt.getTime() ?? 0;
    const firstQuarter = data.incidents.filter((i) => i.startedAt.getTime() < start + 91 * DAY);
    const lastQuarter = data.incidents.filter((i) => i.startedAt.getTime() > now.getTime() - 91 * DAY);
    expect(aiShare(lastQuarter)).toBeGreaterThan(aiShare(firstQuarter) + 0.15);
    const aiInvolved = data.incidents.filter((i) => i.aiInvolvement !== "NONE");
    const violations = aiInvolved.filter((i) => i.policyViolation);
    expect(violations.length).toBeGreaterThan(0);
    expect(violations.length / aiInvolved.length).toBeGreaterThanOrEqual(0.25);
    expect(violations.length / aiInvolved.length).toBeLessThanOrEqual(0.35);
    for (const i of data.incidents) {
      expect(i.policyViolation).toBe(isPolicyViolation({ aiInvolvement: i.aiInvolvement, authorLevel: i.changeAuthorLevel, approval: i.changeApproval }));
    }
  });

  it("has postmortems in every state, published ones with an action or a reason, and old Sev1s still pending", () => {
    const states = new Set(data.incidents.map((i) => i.postmortem?.state));
    expect(states).toEqual(new Set(["DRAFT", "IN_REVIEW", "PUBLISHED", undefined]));
    for (const incident of data.incidents.filter((i) => i.postmortem?.state === "PUBLISHED")) {
      expect(incident.actionItems.length > 0 || Boolean(incident.postmortem?.noActionNeededReason)).toBe(true);
    }
    const pending = data.incidents.filter(
      (i) => i.severity === "SEV1" && now.getTime() - i.startedAt.getTime() > 14 * DAY && i.postmortem?.state !== "PUBLISHED",
    );
    expect(pending.length).toBeGreaterThanOrEqual(2);
  });

  it("orders timelines in time and gives three to five whys", () => {
    for (const postmortem of data.incidents.flatMap((i) => (i.postmortem ? [i.postmortem] : []))) {
      const times = postmortem.timeline.map((e) => e.occurredAt.getTime());
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(postmortem.fiveWhys.length).toBeGreaterThanOrEqual(3);
      expect(postmortem.fiveWhys.length).toBeLessThanOrEqual(5);
    }
  });

  it("leaves some action items overdue", () => {
    const today = now.toISOString().slice(0, 10);
    const overdue = data.incidents.flatMap((i) => i.actionItems).filter((a) => a.dueDate < today && (a.status === "OPEN" || a.status === "IN_PROGRESS"));
    expect(overdue.length).toBeGreaterThan(3);
  });

  it("includes the six-hour checkout outage and the thirteen-hour AI agent outage", () => {
    const checkout = data.incidents.find((i) => i.title === CHECKOUT_OUTAGE_TITLE);
    expect(checkout).toMatchObject({ severity: "SEV1", aiInvolvement: "ASSISTED", policyViolation: true });
    expect(checkout?.usersAffected).toBeGreaterThan(22_000);
    expect(checkout?.serviceSlugs).toContain("checkout-api");
    const sixHours = (checkout?.mitigatedAt?.getTime() ?? 0) - (checkout?.startedAt.getTime() ?? 0);
    expect(Math.round(sixHours / 3_600_000)).toBe(6);

    const agent = data.incidents.find((i) => i.title === AGENT_OUTAGE_TITLE);
    expect(agent).toMatchObject({ aiInvolvement: "AGENT", aiTool: "Kiro", rootCauseCategory: "INFRA_CHANGE", policyViolation: true });
    expect(["NONE", "PEER"]).toContain(agent?.changeApproval);
    const thirteenHours = (agent?.mitigatedAt?.getTime() ?? 0) - (agent?.startedAt.getTime() ?? 0);
    expect(Math.round(thirteenHours / 3_600_000)).toBe(13);
  });

  it("numbers references uniquely, in order of start within each year", () => {
    const references = data.incidents.map((i) => i.reference);
    expect(new Set(references).size).toBe(references.length);
    for (const incident of data.incidents) expect(incident.reference).toMatch(new RegExp(`^INC-${incident.startedAt.getUTCFullYear()}-\\d{4}$`));
    const sameYear = data.incidents.filter((i) => i.startedAt.getUTCFullYear() === 2026);
    expect(sameYear.map((i) => i.reference)).toEqual([...sameYear.map((i) => i.reference)].sort());
  });
});

describe("the demo year's changes", () => {
  const { changes } = data;

  it("ships 40 to 80 changes a week on average, hardly any at weekends, none in the future", () => {
    const weeks = (now.getTime() - (changes[0]?.deployedAt.getTime() ?? 0)) / (7 * DAY);
    expect(weeks).toBeGreaterThan(51);
    expect(changes.length / 52).toBeGreaterThanOrEqual(40);
    expect(changes.length / 52).toBeLessThanOrEqual(80);
    const weekend = changes.filter((c) => c.deployedAt.getUTCDay() === 0 || c.deployedAt.getUTCDay() === 6);
    expect(weekend.length / changes.length).toBeLessThan(0.1);
    expect(changes.filter((c) => c.deployedAt > now)).toEqual([]);
    expect(new Set(changes.map((c) => c.reference)).size).toBe(changes.length);
  });

  it("raises the AI-involved share of changes over the year", () => {
    const middle = now.getTime() - 26 * 7 * DAY;
    const share = (part: DemoChange[]) => part.filter((c) => c.derived.aiEffective !== "NONE").length / part.length;
    const firstHalf = share(changes.filter((c) => c.deployedAt.getTime() < middle));
    const secondHalf = share(changes.filter((c) => c.deployedAt.getTime() >= middle));
    expect(secondHalf).toBeGreaterThan(firstHalf + 0.1);
  });

  it("fails violating changes most, then AI-involved compliant ones, then the others", () => {
    const rates = failureRates(changes, (c) => failedReferences.has(c.reference));
    expect(rates.violating).toBeGreaterThan(rates.compliant);
    expect(rates.compliant).toBeGreaterThan(rates.none);
    expect(rates.none).toBeGreaterThanOrEqual(0.025);
    expect(rates.none).toBeLessThanOrEqual(0.04);
    expect(rates.violating).toBeGreaterThanOrEqual(0.1);
    expect(rates.violating).toBeLessThanOrEqual(0.16);
  });

  it("records the change behind every incident that names one: on its services, deployed before it, as the incident describes it", () => {
    const byReference = new Map(changes.map((c) => [c.reference, c]));
    for (const incident of data.incidents.filter((i) => i.changeReference)) {
      const change = byReference.get(incident.changeReference ?? "");
      const minutesBefore = (incident.startedAt.getTime() - (change?.deployedAt.getTime() ?? 0)) / 60_000;
      expect({ reference: incident.reference, onItsService: incident.serviceSlugs.includes(change?.serviceSlug ?? "") }).toEqual({ reference: incident.reference, onItsService: true });
      expect(minutesBefore).toBeGreaterThanOrEqual(2);
      expect(minutesBefore).toBeLessThanOrEqual(24 * 60);
      expect({ authorLevel: change?.authorLevel, approval: change?.approval, ai: change?.aiInvolvement, tool: change?.aiTool }).toEqual({
        authorLevel: incident.changeAuthorLevel,
        approval: incident.changeApproval,
        ai: incident.aiInvolvement,
        tool: incident.aiTool,
      });
    }
    // Every change-caused and every AI-involved incident names its change; the others none.
    for (const incident of data.incidents) {
      const changeCaused = ["CODE_CHANGE", "CONFIG_CHANGE", "INFRA_CHANGE"].includes(incident.rootCauseCategory) || incident.aiInvolvement !== "NONE";
      expect(Boolean(incident.changeReference)).toBe(changeCaused);
    }
  });

  it("links the two named outages to their changes", () => {
    const changeOf = (title: string) => changes.find((c) => c.reference === data.incidents.find((i) => i.title === title)?.changeReference);
    expect(changeOf(CHECKOUT_OUTAGE_TITLE)).toMatchObject({ serviceSlug: "pricing", aiInvolvement: "ASSISTED", derived: { aiDetected: "ASSISTED", policyViolation: true } });
    expect(changeOf(AGENT_OUTAGE_TITLE)).toMatchObject({ serviceSlug: "k8s-platform", aiInvolvement: "AGENT", aiTool: "Kiro", commits: [], derived: { policyViolation: true } });
  });

  it("derives each change's columns with the app's rule, and has a few whose trailers show an undeclared tool", () => {
    for (const c of changes) {
      const signOff = { authorLevel: c.authorLevel ?? null, approval: c.approval, aiInvolvement: c.aiInvolvement };
      expect(c.derived).toEqual(deriveChangeColumns(signOff, c.commits, DEFAULT_AI_TOOLS, DEFAULT_APPROVAL_POLICY));
      expect(c.commits.length).toBeLessThanOrEqual(5);
    }
    const mismatches = changes.filter((c) => isAiMismatch(c.aiInvolvement, c.derived.aiDetected));
    expect(mismatches.length).toBeGreaterThan(0);
    expect(mismatches.length / changes.length).toBeLessThan(0.03);
    const assisted = changes.filter((c) => c.aiInvolvement === "ASSISTED");
    expect(assisted.filter((c) => c.derived.aiDetected !== "NONE").length / assisted.length).toBeGreaterThan(0.7);
    const generated = changes.filter((c) => c.aiInvolvement === "GENERATED");
    expect(generated.filter((c) => c.derived.trailerInvolvement === "GENERATED").length / generated.length).toBeGreaterThan(0.7);
    const messages = changes.flatMap((c) => c.commits.map((commit) => commit.message));
    expect(messages.some((m) => m.includes("Co-authored-by: Claude <noreply@anthropic.com>"))).toBe(true);
    expect(messages.some((m) => m.includes("Co-authored-by: Copilot <175728472+Copilot@users.noreply.github.com>"))).toBe(true);
    expect(messages.some((m) => /Co-authored-by: [A-Z][a-z]+ [A-Z]\S+ <[a-z.]+@demo\.ops-review\.test>/.test(m))).toBe(true);
  });
});

describe("bulkChangeBatches", () => {
  it("spreads numbered changes over two years, with the failed ones' incidents filled from them", () => {
    const [batch] = [...bulkChangeBatches(4_000, 1, now, 101, 4_000)];
    const changes = batch?.changes ?? [];
    expect(changes).toHaveLength(4_000);
    expect(changes[0]?.reference).toBe("DEP-101");
    expect(now.getTime() - (changes[0]?.deployedAt.getTime() ?? 0)).toBeGreaterThan(1.9 * 365 * DAY);
    expect(changes.filter((c) => c.deployedAt > now)).toEqual([]);
    const byReference = new Map(changes.map((c) => [c.reference, c]));
    for (const incident of batch?.incidents ?? []) {
      const change = byReference.get(incident.changeReference ?? "");
      expect(ruleErrors(incident)).toEqual({});
      expect(incident.serviceSlugs[0]).toBe(change?.serviceSlug);
      expect(incident.startedAt.getTime()).toBeGreaterThan(change?.deployedAt.getTime() ?? Infinity);
      expect([incident.aiInvolvement, incident.changeApproval, incident.changeAuthorLevel]).toEqual([change?.aiInvolvement, change?.approval, change?.authorLevel]);
    }
    const linked = new Set((batch?.incidents ?? []).map((i) => i.changeReference));
    const rates = failureRates(changes, (c) => linked.has(c.reference));
    expect(rates.violating).toBeGreaterThan(rates.none);
    expect(rates.none).toBeLessThan(0.08);
    expect([...bulkChangeBatches(30, 1, now)]).toEqual([...bulkChangeBatches(30, 1, now)]);
  });
});

describe("generateBulkIncidents", () => {
  it("makes the requested number of valid, uniquely referenced incidents over about three years", () => {
    const incidents = generateBulkIncidents(3_000, 1, now);
    expect(incidents).toHaveLength(3_000);
    expect(new Set(incidents.map((i) => i.reference)).size).toBe(3_000);
    for (const incident of incidents) expect(ruleErrors(incident)).toEqual({});
    const earliest = incidents[0]?.startedAt.getTime() ?? 0;
    expect(now.getTime() - earliest).toBeGreaterThan(2.9 * 365 * DAY);
    expect(generateBulkIncidents(50, 1, now)).toEqual(generateBulkIncidents(50, 1, now));
  });
});

/** Seeds as `npm start` and the browser tests use them, on dates that stress the week arithmetic. */
const DATES = [
  "2026-11-20T15:30:00Z",
  "2026-11-23T00:00:00Z", // a Monday at midnight: the running week has not begun
  "2026-12-31T12:00:00Z", // 2026-W53
  "2021-01-02T10:00:00Z", // 2020-W53
  "2027-06-09T18:45:00Z",
];
const cases = DATES.map((date) => ({ date, now: new Date(date), data: generateDemoData({ seed: 2026, now: new Date(date) }) }));

describe.each(cases)("the demo organisation on $date", ({ now, data: demo }) => {
  const today = now.toISOString().slice(0, 10);

  it("is 99.5 % to 99.99 % available most weeks, with a few bad weeks", () => {
    const weeks = demoWeeks(demo.incidents, now);
    expect(weeks).toHaveLength(52);
    const inRange = weeks.filter((w) => w.availability >= 0.995 && w.availability <= 0.9999);
    const bad = weeks.filter((w) => w.availability < 0.995);
    expect(inRange.length / weeks.length).toBeGreaterThanOrEqual(0.8);
    expect(bad.length).toBeGreaterThanOrEqual(2);
    expect(bad.length).toBeLessThanOrEqual(6);
    // Under the 99.9 % SLO in some weeks but not most: red means something.
    const missed = weeks.filter((w) => w.availability < 0.999).length;
    expect(missed).toBeGreaterThan(3);
    expect(missed).toBeLessThan(weeks.length / 2);
  });

  it("overspends the error budget of a few services over the year, not most", () => {
    const overspent = overspentServices(demo, now, 52);
    expect(overspent.length).toBeGreaterThanOrEqual(1);
    expect(overspent.length).toBeLessThanOrEqual(3);
  });

  it("has the two named outages with their numbers", () => {
    const hours = (i: DemoIncident | undefined) => ((i?.mitigatedAt?.getTime() ?? 0) - (i?.startedAt.getTime() ?? 0)) / 3_600_000;
    const checkout = demo.incidents.find((i) => i.title === CHECKOUT_OUTAGE_TITLE);
    expect(checkout).toMatchObject({ severity: "SEV1", aiInvolvement: "ASSISTED" });
    expect(hours(checkout)).toBeGreaterThanOrEqual(6);
    expect(checkout?.usersAffected).toBeGreaterThan(22_000);
    expect(checkout?.capabilities).toContain("checkout");
    const agent = demo.incidents.find((i) => i.title === AGENT_OUTAGE_TITLE);
    expect(agent).toMatchObject({ severity: "SEV1", aiInvolvement: "AGENT" });
    expect(Math.floor(hours(agent))).toBe(13);
    expect(agent?.aiDescription).toMatch(/deleted and recreated the environment/);
    // Both are among the bad weeks.
    const bad = demoWeeks(demo.incidents, now).filter((w) => w.availability < 0.995);
    for (const outage of [checkout, agent]) expect(bad.some((w) => w.start <= (outage?.startedAt.getTime() ?? 0) && (outage?.startedAt.getTime() ?? 0) < w.end)).toBe(true);
  });

  it("gives last week's review its Sev1 deep dive, a policy violation, a Sev2 roundup, overdue actions and pending postmortems", () => {
    const weeks = demoWeeks(demo.incidents, now);
    const last = weeks[weeks.length - 2];
    const inLast = demo.incidents.filter((i) => last && i.startedAt.getTime() >= last.start && i.startedAt.getTime() < last.end);
    expect(inLast.some((i) => i.severity === "SEV1")).toBe(true);
    expect(inLast.some((i) => i.severity === "SEV2")).toBe(true);
    expect(inLast.some((i) => i.aiInvolvement !== "NONE" && i.policyViolation)).toBe(true);
    const items = demo.incidents.flatMap((i) => i.actionItems);
    expect(items.filter((a) => a.dueDate < today && (a.status === "OPEN" || a.status === "IN_PROGRESS")).length).toBeGreaterThan(0);
    expect(new Set(items.map((a) => a.status))).toEqual(new Set(["OPEN", "IN_PROGRESS", "DONE", "WONT_DO"]));
    const pending = demo.incidents.filter((i) => i.severity === "SEV1" && now.getTime() - i.startedAt.getTime() > 14 * DAY && i.postmortem?.state !== "PUBLISHED");
    expect(pending.length).toBeGreaterThan(0);
    // Something is under investigation right now.
    expect(demo.incidents.some((i) => i.status === "INVESTIGATING" && now.getTime() - i.startedAt.getTime() < 30 * 60_000)).toBe(true);
  });

  it("gives a Sev1 a critical function down or a wide blast radius, and a Sev2 neither a region nor the site", () => {
    for (const incident of demo.incidents) {
      const wide = incident.blastRadius === "REGIONAL" || incident.blastRadius === "SITE_WIDE";
      const critical = incident.capabilities.some((c) => ["checkout", "payments", "sign-in"].includes(c));
      expect({ reference: incident.reference, severity: incident.severity, fits: incident.severity === "SEV1" ? critical || wide : !wide }).toEqual({
        reference: incident.reference,
        severity: incident.severity,
        fits: true,
      });
    }
  });

  it("comes out the same for the same now", () => {
    expect(generateDemoData({ seed: 2026, now })).toEqual(demo);
  });
});
