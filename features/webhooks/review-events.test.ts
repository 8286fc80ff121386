import { describe, expect, it } from "vitest";
import { finishReviewMeeting, markReviewPrepared, startReviewMeeting } from "@/features/reviews/mutations/meeting";
import { loadReviewView } from "@/features/reviews/reads/review";
import { createReviewWeek, leadActor, NOW, WEEK } from "@/features/reviews/test-week";
import { recordEvent } from "@/lib/jobs/events";
import { useTestDatabase } from "@/test/database";

const { db } = useTestDatabase();

describe("review events", () => {
  it("marking the agenda prepared records review.prepared once; finishing the meeting records the week's digest, which the weekly schedule then leaves alone", async () => {
    const { lead } = await createReviewWeek(db);
    const actor = leadActor(lead.id);
    await db.webhook.create({
      data: { url: "https://hooks.example.com/ops", events: ["review.prepared", "review.digest"], format: "slack", secret: "s".repeat(32) },
    });
    const version = async () => (await loadReviewView(db, WEEK, NOW)).review?.version ?? 0;

    await markReviewPrepared(db, { week: WEEK, version: 0 }, actor, NOW);
    await markReviewPrepared(db, { week: WEEK, version: await version() }, actor, NOW);
    const review = await db.review.findUniqueOrThrow({ where: { isoWeek: WEEK }, select: { id: true } });
    expect(await db.webhookEvent.findMany({ select: { type: true, subject: true } })).toEqual([
      { type: "review.prepared", subject: { reviewId: review.id, week: WEEK } },
    ]);

    await startReviewMeeting(db, { week: WEEK, version: await version() }, actor, NOW);
    await finishReviewMeeting(db, { week: WEEK, version: await version() }, actor, NOW);
    const digest = await db.webhookEvent.findMany({ where: { type: "review.digest" }, select: { subject: true, dedupeKey: true } });
    expect(digest).toEqual([{ subject: { reviewId: review.id, week: WEEK }, dedupeKey: `review.digest:${WEEK}` }]);
    // The weekly digest of the same week finds it sent.
    expect(await recordEvent(db, { type: "review.digest", subject: { week: WEEK }, dedupeKey: `review.digest:${WEEK}` })).toBeNull();
  });
});
