"use client";

import { useActionState } from "react";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { removeAgendaItemAction } from "../actions/remove-agenda-item";
import { updateAgendaItemAction } from "../actions/update-agenda-item";
import { useReviewAction, useReviewVersion } from "./review-version";
import { SelectOptions } from "@/components/ui/select-options";

export type Presenter = { id: string; name: string };

type Props = {
  week: string;
  item: { handle: string; title: string; kind: string; minutes: number; presenterId: string | null; version: number };
  presenters: Presenter[];
};

const smallInput = inputClass.replace("mt-1 ", "");

/** Presenter and time box of an item (and a custom item's title) while the agenda is prepared; and its removal. */
export function ItemSettingsForm({ week, item, presenters }: Props) {
  const { version: reviewVersion } = useReviewVersion();
  const [state, formAction, pending] = useActionState(updateAgendaItemAction, undefined);
  const [removed, removeAction, removing] = useReviewAction(removeAgendaItemAction);
  const typed = state?.error ? (state.values ?? {}) : {};
  const id = (name: string) => `item-${item.handle}-${name}`.replace(/[^\w-]/g, "-");
  return (
    <div className="rounded-md border border-dashed border-slate-300 bg-slate-50 p-3 print:hidden">
      <form
        key={`${item.version}-${JSON.stringify(typed)}`}
        action={formAction}
        aria-label={`Presenter and time box of “${item.title}”`}
        className="flex flex-wrap items-end gap-3"
      >
        <input type="hidden" name="week" value={week} />
        <input type="hidden" name="handle" value={item.handle} />
        <input type="hidden" name="itemVersion" value={item.version} />
        {item.kind === "CUSTOM" && (
          <div className="min-w-56 flex-1">
            <label htmlFor={id("title")} className="block text-xs font-semibold text-slate-600">
              Title
            </label>
            <input id={id("title")} name="title" defaultValue={typed.title ?? item.title} className={smallInput} />
          </div>
        )}
        <div>
          <label htmlFor={id("presenter")} className="block text-xs font-semibold text-slate-600">
            Presenter
          </label>
          <select id={id("presenter")} name="presenterId" defaultValue={typed.presenterId ?? item.presenterId ?? ""} className={smallInput}>
            <SelectOptions empty="No presenter" options={presenters.map((p) => ({ value: p.id, label: p.name }))} />
          </select>
        </div>
        <div>
          <label htmlFor={id("minutes")} className="block text-xs font-semibold text-slate-600">
            Time box (minutes)
          </label>
          <input
            id={id("minutes")}
            name="minutes"
            type="number"
            min={1}
            max={120}
            defaultValue={typed.minutes ?? item.minutes}
            className={`${smallInput} w-24`}
          />
        </div>
        <button type="submit" disabled={pending} className={buttonClass("secondary", "md")}>
          {pending ? "Saving…" : "Save"}
        </button>
      </form>
      <form action={removeAction} className="mt-2 flex items-center justify-end gap-3">
        <input type="hidden" name="week" value={week} />
        <input type="hidden" name="version" value={reviewVersion} />
        <input type="hidden" name="handle" value={item.handle} />
        <FormMessage state={state} />
        <FormMessage state={removed} quiet />
        <button type="submit" disabled={removing} aria-label={`Remove “${item.title}” from the agenda`} className={buttonClass("danger", "md")}>
          {removing ? "Removing…" : "Remove"}
        </button>
      </form>
    </div>
  );
}
