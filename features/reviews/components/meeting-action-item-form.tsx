"use client";

import { useActionState } from "react";
import { inputClass } from "@/components/ui/field";
import { ACTION_ITEM_PRIORITIES, ACTION_ITEM_TYPES, actionItemLabel } from "@/features/action-items/enums";
import { createMeetingActionItemAction } from "../actions/create-meeting-action-item";
import { FormFeedback, secondaryButton } from "./form-feedback";
import type { Presenter } from "./item-settings-form";

type Props = { week: string; itemTitle: string; handle: string; incidentReferences: string[]; people: Presenter[]; today: string };

/** An action item agreed on the spot; it lands on the incident like any other. */
export function MeetingActionItemForm({ week, itemTitle, handle, incidentReferences, people, today }: Props) {
  const [state, formAction, pending] = useActionState(createMeetingActionItemAction, undefined);
  const typed = state?.error ? (state.values ?? {}) : {};
  const errors = state?.fieldErrors ?? {};
  const id = (name: string) => `action-${handle}-${name}`.replace(/[^\w-]/g, "-");
  const field = (name: string, label: string, control: (a: { id: string; "aria-invalid"?: boolean }) => React.ReactNode, className = "") => (
    <div className={className}>
      <label htmlFor={id(name)} className="block text-xs font-semibold text-slate-600">{label}</label>
      {control({ id: id(name), "aria-invalid": errors[name] ? true : undefined })}
    </div>
  );
  return (
    <details className="rounded-md border border-slate-200 bg-slate-50 print:hidden" open={Boolean(state?.error)}>
      <summary className="cursor-pointer px-3 py-2 text-sm font-semibold text-indigo-700">Add action item</summary>
      <form key={JSON.stringify(typed) + (state?.ok ?? "")} action={formAction} aria-label={`New action item from “${itemTitle}”`} className="grid gap-3 p-3 sm:grid-cols-6">
        <input type="hidden" name="week" value={week} />
        {field("incidentReference", "Incident", (a) => (
          <select {...a} name="incidentReference" defaultValue={typed.incidentReference ?? incidentReferences[0]} className={inputClass}>
            {incidentReferences.map((r) => <option key={r} value={r}>{r}</option>)}
          </select>
        ), "sm:col-span-2")}
        {field("title", "Action item", (a) => <input {...a} name="title" defaultValue={typed.title} className={inputClass} placeholder="Add a canary stage to checkout deploys" />, "sm:col-span-4")}
        {field("ownerId", "Owner", (a) => (
          <select {...a} name="ownerId" defaultValue={typed.ownerId ?? ""} className={inputClass}>
            <option value="">Choose…</option>
            {people.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
          </select>
        ), "sm:col-span-2")}
        {field("dueDate", "Due date", (a) => <input {...a} type="date" name="dueDate" min={today} defaultValue={typed.dueDate} className={inputClass} />)}
        {field("priority", "Priority", (a) => (
          <select {...a} name="priority" defaultValue={typed.priority ?? "P2"} className={inputClass}>
            {ACTION_ITEM_PRIORITIES.map((p) => <option key={p} value={p}>{p}</option>)}
          </select>
        ))}
        {field("type", "Type", (a) => (
          <select {...a} name="type" defaultValue={typed.type ?? "PREVENT"} className={inputClass}>
            {ACTION_ITEM_TYPES.map((t) => <option key={t} value={t}>{actionItemLabel(t)}</option>)}
          </select>
        ), "sm:col-span-2")}
        <div className="flex flex-wrap items-center gap-3 sm:col-span-6">
          <button type="submit" disabled={pending} className={secondaryButton}>
            {pending ? "Creating…" : "Create action item"}
          </button>
          <FormFeedback state={state} />
        </div>
      </form>
    </details>
  );
}
