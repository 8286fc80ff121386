import { describe, expect, it } from "vitest";
import { incidentRuleErrors } from "@/features/incidents/rules";
import { isPolicyViolation } from "@/lib/domain/approval-policy";
import { generateBulkIncidents } from "./bulk";
import { generateDemoData } from "./generate";
import { AGENT_OUTAGE_TITLE, CHECKOUT_OUTAGE_TITLE } from "./outages";
import type { DemoIncident } from "./types";

const now = new Date("2026-11-20T15:30:00Z");
const data = generateDemoData({ seed: 7, now });
const DAY = 86_400_000;

function ruleErrors(incident: DemoIncident) {
  return incidentRuleErrors(incident, now);
}

function aiShare(incidents: DemoIncident[]): number {
  return incidents.filter((i) => i.aiInvolvement !== "NONE").length / incidents.length;
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
    for (const incident of data.incidents)
      expect({ reference: incident.reference, errors: ruleErrors(incident) }).toEqual({ reference: incident.reference, errors: {} });
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
