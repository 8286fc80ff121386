import type { ProposedItem } from "../agenda-types";

/**
 * docs/domain.md wants a deep dive for every SEV1 of the week: one filed after the agenda was stored
 * (or removed from it) is called out at the top, not only in the Suggested panel below.
 */
export function MissingDeepDives({ suggestions, canManage }: { suggestions: ProposedItem[]; canManage: boolean }) {
  const missing = suggestions.filter((s) => s.kind === "SEV1_DEEP_DIVE");
  if (missing.length === 0) return null;
  return (
    <section aria-labelledby="missing-deep-dives" className="rounded-lg border-2 border-amber-400 bg-amber-50 p-4 text-amber-950 print:hidden">
      <h2 id="missing-deep-dives" className="text-lg font-bold">
        <span aria-hidden>⚠ </span>
        {missing.length === 1 ? "A Sev1 of the week is not on the agenda" : `${missing.length} Sev1s of the week are not on the agenda`}
      </h2>
      <ul className="mt-1 list-disc pl-5 text-sm">
        {missing.map((s) => (
          <li key={s.key}>{s.title}</li>
        ))}
      </ul>
      <p className="mt-1 text-sm">
        Filed since the agenda was stored, or removed from it.{canManage ? " Add it from “Suggested” below before starting the meeting." : ""}
      </p>
    </section>
  );
}
