/** Marks a retired service or team in lists: its history stays, it takes nothing new. */
export const RetiredBadge = () => (
  <span className="ml-2 inline-flex items-center rounded bg-slate-100 px-2 py-0.5 text-xs font-semibold text-slate-700 ring-1 ring-inset ring-slate-300">
    Retired
  </span>
);
