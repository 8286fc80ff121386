import type { ReviewStatus } from "../agenda-types";

const STATUS: Record<ReviewStatus, { label: string; style: string }> = {
  NOT_PREPARED: { label: "Not prepared", style: "bg-slate-100 text-slate-700 ring-slate-300" },
  PREPARED: { label: "Prepared", style: "bg-sky-50 text-sky-800 ring-sky-300" },
  IN_PROGRESS: { label: "In progress", style: "bg-amber-100 text-amber-900 ring-amber-400" },
  DONE: { label: "Done", style: "bg-emerald-50 text-emerald-800 ring-emerald-300" },
};

export const reviewStatusLabel = (status: ReviewStatus) => STATUS[status].label;

export function ReviewStatusBadge({ status, large = false }: { status: ReviewStatus; large?: boolean }) {
  const size = large ? "px-3 py-1 text-sm" : "px-2 py-0.5 text-xs";
  return (
    <span className={`inline-flex items-center gap-1.5 rounded font-semibold ring-1 ring-inset ${size} ${STATUS[status].style}`}>
      {status === "IN_PROGRESS" && <span aria-hidden className="size-2 animate-pulse rounded-full bg-amber-500 motion-reduce:animate-none" />}
      {STATUS[status].label}
    </span>
  );
}
