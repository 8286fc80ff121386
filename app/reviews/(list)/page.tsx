import type { Metadata } from "next";
import Link from "next/link";
import { formatDay } from "@/features/reviews/review-format";
import { ReviewListTable } from "@/features/reviews/components/review-list-table";
import { ReviewStatusBadge } from "@/features/reviews/components/review-status-badge";
import { listReviews } from "@/features/reviews/queries";
import { requirePageActor } from "@/lib/auth/guards";
import { addWeeks, formatIsoWeek, parseIsoWeek } from "@/lib/time/iso-week";

export const metadata: Metadata = { title: "Weekly reviews" };
export const dynamic = "force-dynamic";

export default async function ReviewsPage() {
  await requirePageActor("incident:read");
  const rows = await listReviews();
  // The first row is the current week; the review held this week is of the week before it.
  const current = rows[0]?.week;
  const meetingThisWeek = current ? formatIsoWeek(addWeeks(parseIsoWeek(current), -1)) : null;
  const thisWeek = rows.find((r) => r.week === meetingThisWeek);
  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold">Weekly reviews</h1>
          <p className="text-sm text-slate-600">The review of a week covers the incidents that started in it and is held in the week after.</p>
        </div>
        {thisWeek && (
          <Link
            href={`/reviews/${thisWeek.week}`}
            className="flex items-center gap-3 rounded-lg bg-indigo-600 px-4 py-2.5 text-white shadow-sm hover:bg-indigo-500"
          >
            <span>
              <span className="block text-xs font-medium text-indigo-100">This week’s meeting · {formatDay(thisWeek.meetingDate)}</span>
              <span className="block font-semibold">Review of {thisWeek.week} →</span>
            </span>
            <ReviewStatusBadge status={thisWeek.status} />
          </Link>
        )}
      </div>
      <ReviewListTable rows={rows} meetingThisWeek={meetingThisWeek} />
    </div>
  );
}
