import Link from "next/link";
import type { ReviewView } from "../view";
import { PrintButton } from "./print-button";
import { formatDay, formatWeekRange } from "../review-format";
import { ReviewStatusBadge } from "./review-status-badge";
import { buttonClass } from "@/components/ui/button";

/** Week, dates, meeting day, status, and the time boxes against the meeting's length. */
export function ReviewHeader({ view, children }: { view: ReviewView; children?: React.ReactNode }) {
  const over = view.totalMinutes - view.meetingLengthMinutes;
  return (
    <header className="space-y-3">
      <p className="text-sm print:hidden">
        <Link href="/reviews" className="font-medium text-indigo-700 hover:underline">
          ← All weekly reviews
        </Link>
      </p>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="space-y-1">
          <h1 className="text-3xl font-bold tracking-tight">
            Weekly review <span className="font-mono">{view.week}</span>
          </h1>
          <p className="text-lg text-slate-700">
            Incidents of {formatWeekRange(view.week)} · Meeting on <time dateTime={view.meetingDate}>{formatDay(view.meetingDate)}</time>
          </p>
          <div className="flex flex-wrap items-center gap-3 text-sm">
            <ReviewStatusBadge status={view.status} large />
            <span
              title="The sum of the items' time boxes against the meeting length set in the organisation settings"
              className={over > 0 ? "rounded bg-amber-100 px-2 py-1 font-semibold text-amber-900 ring-1 ring-amber-300" : "text-slate-700"}
            >
              Time boxes: {view.totalMinutes} of {view.meetingLengthMinutes} min
              {over > 0 && <> · {over} min over the meeting</>}
            </span>
            <span className="text-slate-500">{view.items.length} items</span>
          </div>
        </div>
        <div className="flex flex-wrap items-center gap-2 print:hidden">
          <PrintButton />
          <a href={`/reviews/${view.week}/agenda.md`} download className={buttonClass("secondary", "md")}>
            Download Markdown
          </a>
        </div>
      </div>
      {children}
    </header>
  );
}
