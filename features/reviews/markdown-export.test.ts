import { describe, expect, it } from "vitest";
import { updateIncident } from "@/features/incidents/mutations";
import { useTestDatabase } from "@/test/database";
import { reviewToMarkdown } from "./markdown";
import { recordItemNotes } from "./mutations/item-edits";
import { markReviewPrepared } from "./mutations/meeting";
import { loadMeetingActionItems, loadReviewView } from "./reads/review";
import { createReviewWeek, engineer, leadActor, NOW, WEEK } from "./test-week";

const { db } = useTestDatabase();

describe("the review's Markdown export", () => {
  it("writes hostile user text inert: no raw HTML, no javascript: link", async () => {
    const week = await createReviewWeek(db);
    const lead = leadActor(week.lead.id);
    await updateIncident(db, week.longSev1.reference, { version: 1, title: "<img src=x onerror=alert(1)>" }, engineer, NOW);
    await markReviewPrepared(db, { week: WEEK, version: 0 }, lead, NOW);
    const item = (await loadReviewView(db, WEEK, NOW)).items[1];
    if (!item) throw new Error("no second item");
    await recordItemNotes(
      db,
      { week: WEEK, handle: item.handle, itemVersion: item.version, notes: "[click](javascript:alert(1))", decision: "<script>alert(1)</script>" },
      lead,
    );

    const view = await loadReviewView(db, WEEK, NOW);
    const markdown = reviewToMarkdown(view, await loadMeetingActionItems(db, view.review?.id ?? ""));
    for (const verbatim of ["<img src=x onerror=alert(1)>", "[click](javascript:alert(1))", "<script>", "<img"]) {
      expect(markdown).not.toContain(verbatim);
    }
    expect(markdown).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(markdown).toContain("\\[click\\](javascript:alert(1))");
    expect(markdown).toContain("**Decision:** &lt;script&gt;alert(1)&lt;/script&gt;");
  });
});
