import { describe, expect, it } from "vitest";
import { generateDemoData } from "./generate";
import { AGENT_OUTAGE_TITLE, CHECKOUT_OUTAGE_TITLE } from "./outages";
import type { DemoIncident } from "./types";
import { demoWeeks, overspentServices } from "./test-weeks";

const DAY = 86_400_000;

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
    for (const outage of [checkout, agent])
      expect(bad.some((w) => w.start <= (outage?.startedAt.getTime() ?? 0) && (outage?.startedAt.getTime() ?? 0) < w.end)).toBe(true);
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
    const pending = demo.incidents.filter(
      (i) => i.severity === "SEV1" && now.getTime() - i.startedAt.getTime() > 14 * DAY && i.postmortem?.state !== "PUBLISHED",
    );
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
