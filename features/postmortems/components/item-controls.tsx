"use client";

import { useState, type ReactNode } from "react";
import { buttonClass } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import type { FormState } from "@/lib/forms/state";
import type { PostmortemFormExtra } from "../form-answer";
import { PostmortemRefFields, usePostmortemAction } from "./editor-context";

export type PostmortemAction = (state: FormState<PostmortemFormExtra>, form: FormData) => Promise<FormState<PostmortemFormExtra>>;

/** One button that posts one postmortem change (move, delete, submit…), with its refusal beside it. */
export function ItemButtonForm(props: {
  action: PostmortemAction;
  fields: Record<string, string>;
  children: ReactNode;
  disabled?: boolean;
  className?: string;
}) {
  const [state, formAction, pending] = usePostmortemAction(props.action);
  return (
    <form action={formAction} className="inline-flex flex-col">
      <PostmortemRefFields />
      {Object.entries(props.fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" disabled={props.disabled || pending} className={props.className ?? buttonClass("secondary", "sm")}>
        {props.children}
      </button>
      {!state.conflict && <FormMessage state={{ error: state.error }} size="xs" />}
    </form>
  );
}

/** The buttons under an item of an ordered list: move it, edit it in place, remove it. */
type ItemControlsProps = {
  field: string;
  id: string;
  first: boolean;
  last: boolean;
  move: PostmortemAction;
  remove: PostmortemAction;
  removeLabel: string;
  onEdit: () => void;
};

export function ItemControls(props: ItemControlsProps) {
  return (
    <div className="mt-2 flex flex-wrap items-start gap-2">
      <ItemButtonForm action={props.move} fields={{ [props.field]: props.id, direction: "up" }} disabled={props.first}>
        Move up
      </ItemButtonForm>
      <ItemButtonForm action={props.move} fields={{ [props.field]: props.id, direction: "down" }} disabled={props.last}>
        Move down
      </ItemButtonForm>
      <button type="button" className={buttonClass("secondary", "sm")} onClick={props.onEdit}>
        Edit
      </button>
      <ItemButtonForm action={props.remove} fields={{ [props.field]: props.id }} className={buttonClass("danger", "sm")}>
        {props.removeLabel}
      </ItemButtonForm>
    </div>
  );
}

/** An entry of an ordered list as written, under its `heading`, with its buttons; while it is edited, its form instead. */
export function EditableEntry(props: Omit<ItemControlsProps, "onEdit"> & { heading?: ReactNode; body: ReactNode; form: (onDone: () => void) => ReactNode }) {
  const { heading, body, form, ...controls } = props;
  const [editing, setEditing] = useState(false);
  return (
    <li className="rounded-md border border-slate-200 bg-white p-3">
      {heading}
      {editing ? (
        form(() => setEditing(false))
      ) : (
        <>
          {body}
          <ItemControls {...controls} onEdit={() => setEditing(true)} />
        </>
      )}
    </li>
  );
}

/** Save (and Cancel, when editing) under an item's form, with the form's last answer. */
export function ItemFormButtons(props: { pending: boolean; label: string; onCancel?: () => void; state: FormState<PostmortemFormExtra> }) {
  return (
    <div className="flex flex-wrap items-center gap-3">
      <button type="submit" disabled={props.pending} className={buttonClass("primary", "md")}>
        {props.pending ? "Saving…" : props.label}
      </button>
      {props.onCancel && (
        <button type="button" onClick={props.onCancel} className={buttonClass("secondary", "sm")}>
          Cancel
        </button>
      )}
      {!props.state.conflict && <FormMessage state={props.state} />}
    </div>
  );
}

/** An ordered list of entries (or, while there are none, a hint what to write), with the form that adds one below. */
export function EntryList<T extends { id: string }>(props: {
  label: string;
  empty: string;
  listClassName: string;
  entries: T[];
  entry: (entry: T, position: { first: boolean; last: boolean }) => ReactNode;
  children: ReactNode;
}) {
  const { entries } = props;
  return (
    <div className="space-y-4">
      {entries.length === 0 ? (
        <p className="text-sm text-slate-500">{props.empty}</p>
      ) : (
        <ol aria-label={props.label} className={props.listClassName}>
          {entries.map((entry, index) => props.entry(entry, { first: index === 0, last: index === entries.length - 1 }))}
        </ol>
      )}
      {props.children}
    </div>
  );
}
