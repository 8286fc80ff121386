"use client";

import { inputClass } from "@/components/ui/field";
import { addCustomItemAction } from "../actions/add-custom-item";
import type { Presenter } from "./item-settings-form";
import { useReviewAction, useReviewVersion } from "./review-version";
import { SelectOptions } from "@/components/ui/select-options";
import { SubmitRow } from "@/components/ui/submit-row";

/** An item of the LEAD's own, added at the end of the agenda. */
export function AddCustomItemForm({ week, presenters }: { week: string; presenters: Presenter[] }) {
  const { version } = useReviewVersion();
  const [state, formAction, pending] = useReviewAction(addCustomItemAction);
  const typed = state?.error ? (state.values ?? {}) : {};
  const errors = state?.fieldErrors ?? {};
  return (
    <form key={JSON.stringify(typed) + (state?.ok ?? "")} action={formAction} aria-label="Add an item" className="space-y-3 print:hidden">
      <input type="hidden" name="week" value={week} />
      <input type="hidden" name="version" value={version} />
      <div className="grid gap-3 sm:grid-cols-6">
        <div className="sm:col-span-3">
          <label htmlFor="custom-title" className="block text-sm font-medium text-slate-800">
            Title
          </label>
          <input
            id="custom-title"
            name="title"
            defaultValue={typed.title}
            aria-invalid={errors.title ? true : undefined}
            placeholder="Capacity plan for the holiday peak"
            className={inputClass}
          />
        </div>
        <div>
          <label htmlFor="custom-minutes" className="block text-sm font-medium text-slate-800">
            Minutes
          </label>
          <input
            id="custom-minutes"
            name="minutes"
            type="number"
            min={1}
            max={120}
            defaultValue={typed.minutes ?? "5"}
            aria-invalid={errors.minutes ? true : undefined}
            className={inputClass}
          />
        </div>
        <div className="sm:col-span-2">
          <label htmlFor="custom-presenter" className="block text-sm font-medium text-slate-800">
            Presenter
          </label>
          <select id="custom-presenter" name="presenterId" defaultValue={typed.presenterId ?? ""} className={inputClass}>
            <SelectOptions empty="No presenter" options={presenters.map((p) => ({ value: p.id, label: p.name }))} />
          </select>
        </div>
      </div>
      <SubmitRow pending={pending} label="Add item" pendingLabel="Adding…" state={state} />
    </form>
  );
}
