"use client";

import { useActionState, useState } from "react";
import { inputClass } from "@/components/ui/field";
import type { FormState } from "@/lib/forms/state";
import { recordItemNotesAction } from "../actions/record-item-notes";
import type { ReviewFormExtra } from "../form-answer";
import { SubmitRow } from "@/components/ui/submit-row";

type Props = { week: string; item: { handle: string; title: string; notes: string; decision: string; version: number } };

type Draft = { notes: string; decision: string; baseVersion: number; dirty: boolean };

/**
 * Notes and decision of an item, saved with the item's version. What the LEAD typed is never
 * thrown away: a refused save (someone else changed the item) keeps it, shows theirs beside
 * it, and the next save replaces theirs knowingly.
 */
export function ItemNotesForm({ week, item }: Props) {
  const [draft, setDraft] = useState<Draft>({ notes: item.notes, decision: item.decision, baseVersion: item.version, dirty: false });
  // A newer stored version replaces an untouched draft; an edited one keeps its base so a save detects the conflict.
  if (!draft.dirty && item.version > draft.baseVersion) setDraft({ notes: item.notes, decision: item.decision, baseVersion: item.version, dirty: false });
  const [state, formAction, pending] = useActionState(async (previous: FormState<ReviewFormExtra> | undefined, form: FormData) => {
    const result = await recordItemNotesAction(previous, form);
    if (result.version !== undefined) setDraft((d) => ({ ...d, baseVersion: result.version ?? d.baseVersion, dirty: false }));
    // Someone else saved first: keep this text, and let the next save knowingly replace theirs.
    if (result.conflict) setDraft((d) => ({ ...d, baseVersion: result.conflict?.version ?? d.baseVersion, dirty: true }));
    return result;
  }, undefined);
  const edit = (field: "notes" | "decision") => (event: { target: { value: string } }) => setDraft((d) => ({ ...d, [field]: event.target.value, dirty: true }));
  const id = (name: string) => `notes-${item.handle}-${name}`.replace(/[^\w-]/g, "-");
  return (
    <form action={formAction} aria-label={`Notes and decision on “${item.title}”`} className="grid gap-3 print:hidden md:grid-cols-2">
      <input type="hidden" name="week" value={week} />
      <input type="hidden" name="handle" value={item.handle} />
      <input type="hidden" name="itemVersion" value={draft.baseVersion} />
      <div>
        <label htmlFor={id("notes")} className="block text-sm font-semibold text-slate-700">
          Notes
        </label>
        <textarea id={id("notes")} name="notes" rows={4} value={draft.notes} onChange={edit("notes")} className={inputClass} placeholder="What was said" />
      </div>
      <div>
        <label htmlFor={id("decision")} className="block text-sm font-semibold text-slate-700">
          Decision
        </label>
        <textarea
          id={id("decision")}
          name="decision"
          rows={4}
          value={draft.decision}
          onChange={edit("decision")}
          className={inputClass}
          placeholder="What was decided"
        />
      </div>
      <SubmitRow pending={pending} label="Save notes" pendingLabel="Saving…" state={state} className="md:col-span-2">
        {draft.dirty && !pending && !state?.error && <span className="text-xs text-amber-700">Unsaved changes</span>}
      </SubmitRow>
      {state?.conflict && (
        <div className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm md:col-span-2" aria-label="Their version">
          <p className="font-semibold text-amber-900">
            Saved by someone else (version {state.conflict.version}); your text is kept above, and saving again replaces theirs with it.
          </p>
          <p className="mt-1 whitespace-pre-wrap">
            <span className="font-medium">Notes:</span> {state.conflict.notes || "—"}
          </p>
          <p className="mt-1 whitespace-pre-wrap">
            <span className="font-medium">Decision:</span> {state.conflict.decision || "—"}
          </p>
        </div>
      )}
    </form>
  );
}
