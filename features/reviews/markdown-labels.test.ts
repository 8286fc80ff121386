import { describe, expect, it } from "vitest";
import * as DatabaseEnums from "@/lib/generated/prisma/enums";
import { useTestDatabase } from "@/test/database";
import { reviewToMarkdown } from "./markdown";
import { loadMeetingActionItems, loadReviewView } from "./reads/review";
import { createReviewWeek, fileTestIncident, NOW, WEEK } from "./test-week";

const { db } = useTestDatabase();

// Values written as the database stores them (SINGLE_SERVICE, IN_REVIEW…); the domain's own SEV1 and P1 read as they are.
const RAW_VALUES = Object.entries(DatabaseEnums)
  .filter(([name]) => !["Role", "Severity", "ActionItemPriority", "AgendaItemKind"].includes(name))
  .flatMap(([, values]) => Object.values(values as Record<string, string>));

describe("the review's Markdown export in words", () => {
  it("shows every enum value by its label, and a postmortem with nothing written as not started", async () => {
    const week = await createReviewWeek(db);
    // A postmortem row exists for the long SEV1, but nothing was written in it; the short one has a draft.
    await db.postmortem.create({ data: { incidentId: week.longSev1.id } });
    await db.postmortem.create({ data: { incidentId: week.shortSev1.id, impactStatement: "Card payments failed for an hour." } });
    // An older SEV1 whose postmortem was never started is pending.
    await fileTestIncident(db, {
      title: "Old outage",
      severity: "SEV1",
      blastRadius: "SITE_WIDE",
      startedAt: "2026-02-02T10:00:00Z",
      mitigatedAt: "2026-02-02T11:00:00Z",
      resolvedAt: "2026-02-02T12:00:00Z",
    });

    const view = await loadReviewView(db, WEEK, NOW);
    const markdown = reviewToMarkdown(view, view.review ? await loadMeetingActionItems(db, view.review.id) : []);

    const raw = RAW_VALUES.filter((value) => new RegExp(`\\b${value}\\b`).test(markdown));
    expect(raw).toEqual([]);
    expect(markdown).toContain("- Blast radius: Single service;");
    expect(markdown).toContain("- Root cause: Code change");
    expect(markdown).toMatch(/Card payments declined: Sev1, .*, AI-generated \(GitHub Copilot\)/);
    expect(markdown).toContain("- Postmortem: Draft");
    expect(markdown).toContain("- Postmortem: Not started");
    expect(markdown).toMatch(/Old outage: started 2026-02-02, postmortem: Not started/);
  });
});
