"use client";

import { useState } from "react";
import { Markdown } from "@/components/markdown";
import { MarkdownEditor } from "@/components/markdown-editor";
import { addFiveWhyAction } from "../actions/add-five-why";
import { deleteFiveWhyAction } from "../actions/delete-five-why";
import { editFiveWhyAction } from "../actions/edit-five-why";
import { moveFiveWhyAction } from "../actions/move-five-why";
import type { PostmortemView } from "../reads";
import { PostmortemRefFields, usePostmortemAction, useUnsavedFields } from "./editor-context";
import { EditableEntry, EntryList, ItemFormButtons } from "./item-controls";

type Why = PostmortemView["fiveWhys"][number];

const WHY_ENTRY = { field: "whyId", move: moveFiveWhyAction, remove: deleteFiveWhyAction, removeLabel: "Remove" };

const HINT = "Start from what customers saw and ask why until you reach something you can change.";

/** The chain of "why?" questions and answers, from the symptom down to the root cause. */
export function FiveWhysEditor({ whys }: { whys: Why[] }) {
  const item = (why: Why, position: { first: boolean; last: boolean }) => (
    <EditableEntry
      key={why.id}
      {...WHY_ENTRY}
      id={why.id}
      {...position}
      body={<Markdown text={why.text} />}
      form={(onDone) => <WhyForm why={why} onDone={onDone} />}
    />
  );
  return (
    <EntryList label="Five whys" empty={HINT} listClassName="list-decimal space-y-2 pl-6" entries={whys} entry={item}>
      <WhyForm />
    </EntryList>
  );
}

function WhyForm({ why, onDone }: { why?: Why; onDone?: () => void }) {
  const [generation, setGeneration] = useState(0);
  const { onInput, reset } = useUnsavedFields(why ? `why-${why.id}` : "new-why", why ? "a why you are editing" : "the next why", { text: why?.text ?? "" });
  const [state, formAction, pending] = usePostmortemAction(why ? editFiveWhyAction : addFiveWhyAction, () => {
    reset();
    setGeneration((n) => n + 1);
    onDone?.();
  });
  const typed = state.error ? state.values?.text : undefined;
  return (
    <form
      key={`${generation}-${typed ?? ""}`}
      action={formAction}
      onInput={onInput}
      aria-label={why ? "Edit this why" : "Add the next why"}
      className="space-y-2"
    >
      <PostmortemRefFields />
      {why && <input type="hidden" name="whyId" value={why.id} />}
      <MarkdownEditor
        id={why ? `why-${why.id}.text` : "new-why.text"}
        name="text"
        label={why ? "Why" : "Next why"}
        rows={2}
        defaultValue={typed ?? why?.text ?? ""}
        placeholder="Why did …? Because …"
        errors={state.fieldErrors?.text}
      />
      <ItemFormButtons pending={pending} label={why ? "Save" : "Add why"} onCancel={onDone} state={state} />
    </form>
  );
}
