import type { ReactNode } from "react";
import { formatCount } from "@/lib/figure-text";

const badge = "inline-flex items-center rounded px-2 py-0.5 text-xs font-semibold ring-1 ring-inset";

/** The title of a page listing things that can be switched off (users, tokens), with how many are still on. */
export function ActiveCountTitle(props: { title: string; active: number; total: number }) {
  return (
    <div className="flex items-baseline justify-between">
      <h1 className="text-2xl font-bold">{props.title}</h1>
      <p className="text-sm text-slate-600">
        {formatCount(props.active)} active of {formatCount(props.total)}
      </p>
    </div>
  );
}

/** "Active" in green, or `inactive` (what switched it off) in grey. */
export function ActiveBadge(props: { active: boolean; inactive: ReactNode }) {
  if (props.active) return <span className={`${badge} bg-emerald-50 text-emerald-800 ring-emerald-200`}>Active</span>;
  return <span className={`${badge} bg-slate-100 text-slate-700 ring-slate-300`}>{props.inactive}</span>;
}
