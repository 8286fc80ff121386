"use client";

import { Markdown } from "@/components/markdown";
import { POSTMORTEM_SECTIONS, SECTION_LABELS, type PostmortemSections } from "@/lib/domain/postmortem-enums";
import { buttonClass } from "@/components/ui/button";

/**
 * Someone else saved the sections while you were writing: their current text of each section
 * they changed, beside the choice to keep your text (saved over theirs) or take theirs.
 */
export function SectionsConflict(props: {
  mine: PostmortemSections;
  base: PostmortemSections;
  theirs: PostmortemSections;
  version: number;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
}) {
  const changed = POSTMORTEM_SECTIONS.filter((s) => props.theirs[s] !== props.base[s]);
  return (
    <section role="alert" aria-label="Conflicting changes" className="space-y-3 rounded-md border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950">
      <p>
        <strong>Not saved: someone else saved these sections while you were writing</strong> (now version {props.version}). Your text is still in the editors
        below. Their current text{changed.length === 1 ? " of the section they changed is" : "s of the sections they changed are"}:
      </p>
      {changed.map((s) => (
        <div key={s} className="rounded border border-amber-200 bg-white p-3">
          <h3 className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-600">
            {SECTION_LABELS[s]} — theirs{props.mine[s] === props.theirs[s] ? " (same as yours)" : ""}
          </h3>
          <Markdown text={props.theirs[s]} empty="(emptied)" />
          <details className="mt-2 text-xs text-slate-600">
            <summary className="cursor-pointer">As written, to copy from</summary>
            <pre className="mt-1 whitespace-pre-wrap font-mono">{props.theirs[s]}</pre>
          </details>
        </div>
      ))}
      <div className="flex flex-wrap gap-2">
        <button type="button" className={buttonClass("secondary", "sm")} onClick={props.onKeepMine}>
          Re-apply my text over theirs
        </button>
        <button type="button" className={buttonClass("secondary", "sm")} onClick={props.onTakeTheirs}>
          Discard my text and take theirs
        </button>
      </div>
    </section>
  );
}
