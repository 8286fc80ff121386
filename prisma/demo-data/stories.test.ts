import { describe, expect, it } from "vitest";
import { label } from "@/lib/domain/incident-enums";
import { AI_TOOLS, SERVICES } from "./catalog";
import { CHANGE_AI_TOOLS } from "./commits";
import { generateDemoData } from "./generate";
import { AI_LESSON, POLICY_FACTOR, STORIES, type Story } from "./stories";
import { durationText } from "./story";
import type { DemoIncident } from "./types";

/** A template as a pattern: each placeholder stands for any text. */
function patternOf(template: string): RegExp {
  const escaped = template.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`^${escaped.replace(/\\\{(?:service|capability|change|tool|regions|aiAction|approval|required)\\\}/g, ".+")}$`);
}

const matchesAny = (templates: readonly string[], text: string) => templates.some((t) => patternOf(t).test(text));
const lines = (markdown: string) => markdown.split("\n").map((line) => line.replace(/^- /, ""));
const TOOLS = [...AI_TOOLS, ...CHANGE_AI_TOOLS.map(([tool]) => tool)];

/** The one story whose root cause the incident's description was written from, found from the text alone. */
function storyOf(incident: DemoIncident): Story | undefined {
  const description = incident.rootCauseDescription.replace(/^_Preliminary:_ /, "");
  const found = STORIES.filter((story) => patternOf(story.rootCause).test(description));
  expect(found, `${incident.reference}: one story for "${description}"`).toHaveLength(1);
  return found[0];
}

const cases = ["2026-11-20T15:30:00Z", "2026-11-23T00:00:00Z", "2021-01-02T10:00:00Z"].flatMap((date) =>
  [2026, 7].map((seed) => ({ date, seed, incidents: generateDemoData({ seed, now: new Date(date) }).incidents })),
);

describe.each(cases)("the demo stories on $date, seed $seed", ({ incidents }) => {
  it("draws title, root cause, five whys, factors, lessons and actions from one story of the incident's own category", () => {
    for (const incident of incidents) {
      const story = storyOf(incident);
      if (!story) continue;
      const where = incident.reference;
      expect({ where, category: story.category }).toEqual({ where, category: incident.rootCauseCategory });
      expect({ where, title: matchesAny(story.titles, incident.title) }).toEqual({ where, title: true });
      for (const item of incident.actionItems)
        expect({
          where,
          action: matchesAny(
            story.actions.map(([, t]) => t),
            item.title,
          ),
        }).toEqual({ where, action: true });
      const postmortem = incident.postmortem;
      if (!postmortem) continue;
      const whys = [...story.whys, ...(story.aiWhy ? [story.aiWhy] : [])];
      for (const why of postmortem.fiveWhys) expect({ where, why, fromStory: matchesAny(whys, why) }).toEqual({ where, why, fromStory: true });
      for (const factor of lines(postmortem.contributingFactors)) {
        expect({ where, factor, fromStory: matchesAny([...story.contributing, POLICY_FACTOR], factor) }).toEqual({ where, factor, fromStory: true });
      }
      for (const lesson of lines(postmortem.lessonsLearned))
        expect({ where, lesson, fromStory: matchesAny([...story.lessons, AI_LESSON], lesson) }).toEqual({ where, lesson, fromStory: true });
    }
  });

  it("names the AI tool and what it did exactly when a tool was involved, and the missing sign-off exactly when it was missing", () => {
    for (const incident of incidents.filter((i) => i.postmortem)) {
      const whys = incident.postmortem?.fiveWhys.join("\n") ?? "";
      const factors = lines(incident.postmortem?.contributingFactors ?? "");
      const where = incident.reference;
      if (incident.aiInvolvement === "NONE") {
        expect({ where, tools: TOOLS.filter((tool) => whys.includes(tool)) }).toEqual({ where, tools: [] });
        expect(incident.aiDescription).toBeUndefined();
      } else {
        expect({ where, namesTool: whys.includes(incident.aiTool ?? "?") }).toEqual({ where, namesTool: true });
        expect(incident.aiDescription).toContain(incident.aiTool);
        const story = storyOf(incident);
        if (story?.ai) expect({ where, ai: patternOf(story.ai[incident.aiInvolvement]).test(incident.aiDescription ?? "") }).toEqual({ where, ai: true });
      }
      const statesSignOff = factors.some((f) => /sign-off/.test(f));
      expect({ where, statesSignOff }).toEqual({ where, statesSignOff: incident.policyViolation });
    }
  });

  it("states the impact with the incident's own numbers, services and blast radius", () => {
    for (const incident of incidents) {
      const postmortem = incident.postmortem;
      if (!postmortem || !incident.mitigatedAt) continue;
      const statement = postmortem.impactStatement;
      expect(statement).toContain(durationText(incident.mitigatedAt.getTime() - incident.startedAt.getTime()));
      expect(statement).toContain(incident.usersAffected.toLocaleString("en-GB"));
      expect(statement).toContain(`(${label(incident.blastRadius).toLowerCase()})`);
      for (const slug of incident.serviceSlugs) expect(statement).toContain(`**${SERVICES.find((s) => s.slug === slug)?.name}**`);
    }
  });

  it("orders each timeline and puts impact, detection, mitigation and the fix at the incident's own instants", () => {
    for (const incident of incidents) {
      const timeline = incident.postmortem?.timeline;
      if (!timeline) continue;
      const times = timeline.map((e) => e.occurredAt.getTime());
      expect(times).toEqual([...times].sort((a, b) => a - b));
      const at = (kind: string, instant: Date | undefined) => timeline.some((e) => e.kind === kind && e.occurredAt.getTime() === instant?.getTime());
      const where = incident.reference;
      expect({
        where,
        impact: at("OTHER", incident.startedAt),
        detection: at("DETECTION", incident.detectedAt),
        mitigation: at("MITIGATION", incident.mitigatedAt),
      }).toEqual({
        where,
        impact: true,
        detection: true,
        mitigation: true,
      });
      if (incident.resolvedAt) expect({ where, fixed: at("OTHER", incident.resolvedAt) }).toEqual({ where, fixed: true });
      const change = timeline.filter((e) => e.kind === "CHANGE");
      expect({ where, changes: change.length }).toEqual({ where, changes: incident.changeReference ? 1 : 0 });
      for (const event of change) expect(event.occurredAt.getTime()).toBeLessThan(incident.startedAt.getTime());
      expect(times.at(-1)).toBeLessThanOrEqual((incident.resolvedAt ?? incident.mitigatedAt ?? incident.startedAt).getTime());
    }
  });
});
