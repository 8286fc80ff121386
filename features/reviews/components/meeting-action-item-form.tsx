"use client";

import { useActionState } from "react";
import { Field, inputClass } from "@/components/ui/field";
import { ACTION_ITEM_PRIORITIES, ACTION_ITEM_TYPES, actionItemLabel } from "@/lib/domain/action-item-enums";
import { createMeetingActionItemAction } from "../actions/create-meeting-action-item";
import type { Presenter } from "./item-settings-form";
import { SelectOptions } from "@/components/ui/select-options";
import { SubmitRow } from "@/components/ui/submit-row";

type Props = {
  week: string;
  itemTitle: string;
  handle: string;
  /** The item's incidents, one of which the action item must name; none for the metrics or a custom item. */
  incidents: { reference: string; title: string | null }[];
  people: Presenter[];
  today: string;
};

/**
 * An action item agreed on the spot. On an item about several incidents the person picks one
 * (nothing is preselected, so it never lands on the first by default); on an item about none it
 * is a follow-up of the review.
 */
export function MeetingActionItemForm({ week, itemTitle, handle, incidents, people, today }: Props) {
  const [state, formAction, pending] = useActionState(createMeetingActionItemAction, undefined);
  const typed = state?.error ? (state.values ?? {}) : {};
  const errors = state?.fieldErrors ?? {};
  const field = (name: string, label: string, control: (aria: { id: string }) => React.ReactNode, className = "") => (
    <Field name={`action-${handle}.${name}`.replace(/[^\w.-]/g, "-")} label={label} errors={errors[name]} className={className}>
      {control}
    </Field>
  );
  return (
    <details className="rounded-md border border-slate-200 bg-slate-50 print:hidden" open={Boolean(state?.error)}>
      <summary className="cursor-pointer px-3 py-2 text-sm font-semibold text-indigo-700">Add action item</summary>
      <form
        key={JSON.stringify(typed) + (state?.ok ?? "")}
        action={formAction}
        aria-label={`New action item from “${itemTitle}”`}
        className="grid gap-3 p-3 sm:grid-cols-6"
      >
        <input type="hidden" name="week" value={week} />
        <input type="hidden" name="handle" value={handle} />
        {incidents.length > 0 ? (
          field(
            "incidentReference",
            "Incident",
            (aria) => (
              <select
                {...aria}
                name="incidentReference"
                required
                defaultValue={typed.incidentReference ?? (incidents.length === 1 ? incidents[0]?.reference : "")}
                className={inputClass}
              >
                <SelectOptions
                  empty={incidents.length > 1 ? "Choose an incident…" : undefined}
                  options={incidents.map((i) => ({ value: i.reference, label: i.title ? `${i.reference}: ${i.title}` : i.reference }))}
                />
              </select>
            ),
            "sm:col-span-6",
          )
        ) : (
          <p className="text-sm text-slate-700 sm:col-span-6">
            <span className="font-medium text-slate-800">No incident:</span> a follow-up agreed in review {week}.
          </p>
        )}
        {field(
          "title",
          "Action item",
          (aria) => (
            <input {...aria} name="title" defaultValue={typed.title} className={inputClass} placeholder="Add a canary stage to checkout deploys" />
          ),
          "sm:col-span-6",
        )}
        {field(
          "ownerId",
          "Owner",
          (aria) => (
            <select {...aria} name="ownerId" defaultValue={typed.ownerId ?? ""} className={inputClass}>
              <SelectOptions empty="Choose…" options={people.map((p) => ({ value: p.id, label: p.name }))} />
            </select>
          ),
          "sm:col-span-2",
        )}
        {field(
          "dueDate",
          "Due date",
          (aria) => (
            <input {...aria} type="date" name="dueDate" min={today} defaultValue={typed.dueDate} className={inputClass} />
          ),
          "sm:col-span-2",
        )}
        {field("priority", "Priority", (aria) => (
          <select {...aria} name="priority" defaultValue={typed.priority ?? "P2"} className={inputClass}>
            <SelectOptions options={ACTION_ITEM_PRIORITIES.map((p) => ({ value: p, label: p }))} />
          </select>
        ))}
        {field("type", "Type", (aria) => (
          <select {...aria} name="type" defaultValue={typed.type ?? "PREVENT"} className={inputClass}>
            <SelectOptions options={ACTION_ITEM_TYPES.map((t) => ({ value: t, label: actionItemLabel(t) }))} />
          </select>
        ))}
        <SubmitRow pending={pending} label="Create action item" pendingLabel="Creating…" state={state} variant="secondary" className="sm:col-span-6" />
      </form>
    </details>
  );
}
