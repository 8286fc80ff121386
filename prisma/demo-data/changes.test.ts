import { describe, expect, it } from "vitest";
import { incidentRuleErrors } from "@/features/incidents/rules";
import { deriveChangeColumns, isAiMismatch } from "@/features/changes/derive";
import { DEFAULT_AI_TOOLS } from "@/lib/domain/ai-trailers";
import { DEFAULT_APPROVAL_POLICY } from "@/lib/domain/approval-policy";
import { bulkChangeBatches } from "./bulk-changes";
import { generateDemoData } from "./generate";
import { AGENT_OUTAGE_TITLE, CHECKOUT_OUTAGE_TITLE } from "./outages";
import type { DemoChange, DemoIncident } from "./types";

const now = new Date("2026-11-20T15:30:00Z");
const data = generateDemoData({ seed: 7, now });
const DAY = 86_400_000;

function ruleErrors(incident: DemoIncident) {
  return incidentRuleErrors(incident, now);
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
      expect({ reference: incident.reference, onItsService: incident.serviceSlugs.includes(change?.serviceSlug ?? "") }).toEqual({
        reference: incident.reference,
        onItsService: true,
      });
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
    expect(changeOf(CHECKOUT_OUTAGE_TITLE)).toMatchObject({
      serviceSlug: "pricing",
      aiInvolvement: "ASSISTED",
      derived: { aiDetected: "ASSISTED", policyViolation: true },
    });
    expect(changeOf(AGENT_OUTAGE_TITLE)).toMatchObject({
      serviceSlug: "k8s-platform",
      aiInvolvement: "AGENT",
      aiTool: "Kiro",
      commits: [],
      derived: { policyViolation: true },
    });
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
      expect([incident.aiInvolvement, incident.changeApproval, incident.changeAuthorLevel]).toEqual([
        change?.aiInvolvement,
        change?.approval,
        change?.authorLevel,
      ]);
    }
    const linked = new Set((batch?.incidents ?? []).map((i) => i.changeReference));
    const rates = failureRates(changes, (c) => linked.has(c.reference));
    expect(rates.violating).toBeGreaterThan(rates.none);
    expect(rates.none).toBeLessThan(0.08);
    expect([...bulkChangeBatches(30, 1, now)]).toEqual([...bulkChangeBatches(30, 1, now)]);
  });
});
