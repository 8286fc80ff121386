"use client";

import { useActionState } from "react";
import { Field, inputClass } from "@/components/ui/field";
import type { FormState } from "@/lib/forms/state";
import { createActionItemAction } from "../actions/create-action-item";
import { ACTION_ITEM_PRIORITIES, ACTION_ITEM_TYPES, actionItemLabel } from "@/lib/domain/action-item-enums";
import type { OwnerOption } from "../reads";
import { SelectOptions } from "@/components/ui/select-options";
import { SubmitRow } from "@/components/ui/submit-row";

const initialState: FormState = {};

const TYPE_HINTS: Record<string, string> = {
  PREVENT: "Prevent: stop it happening again",
  DETECT: "Detect: notice it sooner",
  MITIGATE: "Mitigate: recover faster or hurt fewer",
  PROCESS: "Process: change how we work",
};

/** A new action item for the incident: what, who, by when, how urgent, of which kind. */
export function CreateActionItemForm({ incidentId, owners, today }: { incidentId: string; owners: OwnerOption[]; today: string }) {
  const [state, formAction, pending] = useActionState(createActionItemAction, initialState);
  const typed = state.error ? (state.values ?? {}) : {};
  const errors = state.fieldErrors ?? {};
  const select = (name: string, label: string, options: readonly { value: string; label: string }[], fallback: string, none?: string) => (
    <Field name={`new-action.${name}`} label={label} errors={errors[name]}>
      {(aria) => (
        <select {...aria} name={name} defaultValue={typed[name] ?? fallback} className={inputClass}>
          <SelectOptions empty={none} options={options} />
        </select>
      )}
    </Field>
  );
  return (
    <form key={JSON.stringify(typed)} action={formAction} aria-label="Add an action item" className="space-y-3">
      <input type="hidden" name="incidentId" value={incidentId} />
      <Field name="new-action.title" label="Action item" errors={errors.title}>
        {(aria) => <input {...aria} name="title" defaultValue={typed.title} placeholder="Add a canary stage to checkout deployments" className={inputClass} />}
      </Field>
      <div className="grid gap-3 sm:grid-cols-4">
        {select(
          "ownerId",
          "Owner",
          owners.map((o) => ({ value: o.id, label: o.label })),
          "",
          "Choose…",
        )}
        <Field name="new-action.dueDate" label="Due date" errors={errors.dueDate}>
          {(aria) => <input {...aria} type="date" name="dueDate" min={today} defaultValue={typed.dueDate} className={inputClass} />}
        </Field>
        {select(
          "priority",
          "Priority",
          ACTION_ITEM_PRIORITIES.map((p) => ({ value: p, label: p })),
          "P2",
        )}
        {select(
          "type",
          "Type",
          ACTION_ITEM_TYPES.map((t) => ({ value: t, label: TYPE_HINTS[t] ?? actionItemLabel(t) })),
          "PREVENT",
        )}
      </div>
      <SubmitRow pending={pending} label="Add action item" pendingLabel="Adding…" state={state} />
    </form>
  );
}
