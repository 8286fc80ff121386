"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { flushSync } from "react-dom";
import { MarkdownEditor } from "@/components/markdown-editor";
import { savePostmortemSectionsAction } from "../actions/save-postmortem-sections";
import { normaliseNewlines, POSTMORTEM_SECTIONS, sameSections, SECTION_HINTS, SECTION_LABELS, type PostmortemSections } from "@/lib/domain/postmortem-enums";
import { PostmortemRefFields, usePostmortemEditor, usePostmortemAction, useReportUnsaved } from "./editor-context";
import { buttonClass } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { SectionsConflict } from "./sections-conflict";

const sectionsOfForm = (form: FormData) =>
  Object.fromEntries(POSTMORTEM_SECTIONS.map((s) => [s, normaliseNewlines(String(form.get(s) ?? ""))])) as PostmortemSections;
const normalised = (sections: PostmortemSections) =>
  Object.fromEntries(POSTMORTEM_SECTIONS.map((s) => [s, normaliseNewlines(sections[s])])) as PostmortemSections;

/**
 * The written sections. The form sends, besides the text, the text it started from (base):
 * the server refuses the save when someone else has changed a section since, and this form
 * then shows their text next to yours.
 */
export function SectionsForm({ sections }: { sections: PostmortemSections }) {
  const { adopt } = usePostmortemEditor();
  const router = useRouter();
  const [texts, setTexts] = useState(() => normalised(sections));
  const [base, setBase] = useState(() => normalised(sections));
  const [settledConflict, setSettledConflict] = useState<number | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const [state, formAction, pending] = usePostmortemAction(savePostmortemSectionsAction, (form) => setBase(sectionsOfForm(form)), { ownConflicts: true });
  const dirty = !sameSections(texts, base);
  const conflict = state.conflict && state.conflict.version !== settledConflict ? state.conflict : null;

  // Leaving with unsaved words asks first (the editor's UnsavedWorkGuard).
  useReportUnsaved("sections", "the write-up", dirty);

  const keepMine = () => {
    if (!conflict) return;
    flushSync(() => {
      setBase(normalised(conflict.sections));
      adopt(conflict.version);
      setSettledConflict(conflict.version);
    });
    formRef.current?.requestSubmit();
  };
  // Taking on their version means taking on all of it: the timeline and whys are reloaded too.
  const takeTheirs = () => {
    if (!conflict) return;
    setTexts(normalised(conflict.sections));
    setBase(normalised(conflict.sections));
    adopt(conflict.version);
    setSettledConflict(conflict.version);
    router.refresh();
  };

  return (
    <form ref={formRef} action={formAction} className="space-y-5" aria-label="Postmortem sections">
      <PostmortemRefFields />
      {POSTMORTEM_SECTIONS.map((s) => (
        <input key={s} type="hidden" name={`base.${s}`} value={base[s]} />
      ))}
      {POSTMORTEM_SECTIONS.map((s) => (
        <MarkdownEditor
          key={s}
          name={s}
          label={SECTION_LABELS[s]}
          hint={SECTION_HINTS[s]}
          rows={s === "impactStatement" || s === "contributingFactors" ? 6 : 4}
          value={texts[s]}
          onChange={(value) => setTexts((current) => ({ ...current, [s]: value }))}
          errors={state.fieldErrors?.[`sections.${s}`]}
        />
      ))}
      {/* Beside the button just pressed, where the writer is looking. */}
      {conflict && (
        <SectionsConflict
          mine={texts}
          base={base}
          theirs={normalised(conflict.sections)}
          version={conflict.version}
          onKeepMine={keepMine}
          onTakeTheirs={takeTheirs}
        />
      )}
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={pending} className={buttonClass("primary", "md")}>
          {pending ? "Saving…" : "Save postmortem"}
        </button>
        {dirty && !pending && <span className="text-xs font-medium text-amber-700">You have unsaved changes</span>}
        {!conflict && <FormMessage state={dirty ? { error: state.error } : state} />}
      </div>
    </form>
  );
}
