"use client";

import { useRouter } from "next/navigation";
import { createContext, useActionState, useCallback, useContext, useEffect, useMemo, useState, type FormEvent, type ReactNode } from "react";
import { normaliseNewlines } from "@/lib/domain/postmortem-enums";
import { UnsavedWorkGuard } from "./unsaved-work-guard";
import type { FormState } from "@/lib/forms/state";
import type { PostmortemFormExtra } from "../form-answer";

type EditorContext = {
  incidentId: string;
  /** The postmortem version everything on this page was based on; each change sends it. */
  version: number;
  /** Moves the page onto a newer version: after its own change, or after loading someone else's. */
  adopt: (version: number) => void;
  conflictVersion: number | null;
  reportConflict: (version: number) => void;
  /** Form `key` says what typed text it holds unsaved (`what` names it for the warning), or null for none. */
  reportUnsaved: (key: string, what: string | null) => void;
};

const Context = createContext<EditorContext | null>(null);

/**
 * Keeps the version the editor's forms send. It only moves on with this page's own successful
 * changes (each exactly one version on) or when the writer chooses to load someone else's
 * changes, so a change made elsewhere is never silently built upon.
 */
export function PostmortemEditorProvider(props: { incidentId: string; version: number; children: ReactNode }) {
  const [version, setVersion] = useState(props.version);
  const [conflictVersion, setConflictVersion] = useState<number | null>(null);
  const adopt = useCallback((next: number) => {
    setVersion((current) => Math.max(current, next));
    setConflictVersion((conflict) => (conflict !== null && next >= conflict ? null : conflict));
  }, []);
  const [unsaved, setUnsaved] = useState<Readonly<Record<string, string>>>({});
  // An unchanged answer keeps the same record, so nothing re-renders.
  const reportUnsaved = useCallback((key: string, what: string | null) => {
    setUnsaved((current) => {
      if ((current[key] ?? null) === what) return current;
      const next = { ...current };
      if (what === null) delete next[key];
      else next[key] = what;
      return next;
    });
  }, []);
  const value = useMemo(
    () => ({ incidentId: props.incidentId, version, adopt, conflictVersion, reportConflict: setConflictVersion, reportUnsaved }),
    [props.incidentId, version, adopt, conflictVersion, reportUnsaved],
  );
  return (
    <Context.Provider value={value}>
      <UnsavedWorkGuard unsaved={Object.values(unsaved)} />
      <ConflictBanner />
      {props.children}
    </Context.Provider>
  );
}

export function usePostmortemEditor(): EditorContext {
  const context = useContext(Context);
  if (!context) throw new Error("usePostmortemEditor needs a PostmortemEditorProvider around it");
  return context;
}

type Action = (state: FormState<PostmortemFormExtra>, form: FormData) => Promise<FormState<PostmortemFormExtra>>;

/**
 * useActionState for a postmortem action, keeping the editor's version in step with the answer.
 * A refused change raises the page's conflict banner, unless the form shows conflicts itself.
 */
export function usePostmortemAction(action: Action, onSuccess?: (form: FormData) => void, options: { ownConflicts?: boolean } = {}) {
  const { adopt, reportConflict } = usePostmortemEditor();
  return useActionState(async (previous: FormState<PostmortemFormExtra>, form: FormData) => {
    const result = await action(previous, form);
    if (result.version !== undefined) {
      adopt(result.version);
      onSuccess?.(form);
    }
    if (result.conflict && !options.ownConflicts) reportConflict(result.conflict.version);
    return result;
  }, {});
}

/**
 * Tells the editor whether form `key` holds typed text that is not saved: its fields named in
 * `saved` differ from their saved values. Returns the form's onInput and a reset for after a save.
 */
export function useUnsavedFields(key: string, what: string, saved: Record<string, string>) {
  const [unsaved, setUnsaved] = useState(false);
  useReportUnsaved(key, what, unsaved);
  const onInput = (event: FormEvent<HTMLFormElement>) => {
    const typed = new FormData(event.currentTarget);
    setUnsaved(Object.entries(saved).some(([name, value]) => normaliseNewlines(String(typed.get(name) ?? "")) !== normaliseNewlines(value)));
  };
  return { onInput, reset: () => setUnsaved(false) };
}

/** Reports the controlled form `key`'s unsaved state to the editor. */
export function useReportUnsaved(key: string, what: string, unsaved: boolean) {
  const { reportUnsaved } = usePostmortemEditor();
  useEffect(() => reportUnsaved(key, unsaved ? what : null), [reportUnsaved, key, what, unsaved]);
  useEffect(() => () => reportUnsaved(key, null), [reportUnsaved, key]);
}

/** The two fields every postmortem form carries. */
export function PostmortemRefFields() {
  const { incidentId, version } = usePostmortemEditor();
  return (
    <>
      <input type="hidden" name="incidentId" value={incidentId} />
      <input type="hidden" name="version" value={version} />
    </>
  );
}

function ConflictBanner() {
  const context = useContext(Context);
  const router = useRouter();
  if (!context || context.conflictVersion === null) return null;
  const load = () => {
    context.adopt(context.conflictVersion ?? context.version);
    router.refresh();
  };
  return (
    <div role="alert" className="sticky top-2 z-10 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950 shadow">
      <p>
        <strong>Someone else changed this postmortem</strong> since you opened it (it is now at version {context.conflictVersion}), so your last change was not
        saved. Load their changes, check them, then redo yours. Text you have typed into the sections stays where it is.
      </p>
      <button type="button" onClick={load} className="mt-2 rounded-md bg-amber-600 px-3 py-1.5 text-xs font-semibold text-white hover:bg-amber-500">
        Load the current postmortem
      </button>
    </div>
  );
}
