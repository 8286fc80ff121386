import Link from "next/link";
import { ACTION_ITEM_STATUSES, actionItemLabel } from "@/lib/domain/action-item-enums";
import type { OwnerOption } from "../reads";
import { SelectOptions } from "@/components/ui/select-options";

const control = "max-w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm shadow-sm";

/** Filters as a plain GET form: the URL holds the view, so a link reproduces it. */
export function ActionItemFilters(props: { path: string; status?: string; ownerId?: string; owners?: OwnerOption[] }) {
  return (
    <form method="get" action={props.path} aria-label="Filter action items" className="flex flex-wrap items-end gap-3">
      <label className="text-sm">
        <span className="block font-medium text-slate-800">Status</span>
        <select name="status" defaultValue={props.status ?? ""} className={control}>
          <SelectOptions empty="Any status" options={ACTION_ITEM_STATUSES.map((s) => ({ value: s, label: actionItemLabel(s) }))} />
        </select>
      </label>
      {props.owners && (
        <label className="min-w-0 max-w-full text-sm">
          <span className="block font-medium text-slate-800">Owner</span>
          <select name="owner" defaultValue={props.ownerId ?? ""} className={control}>
            <SelectOptions empty="Anyone" options={props.owners.map((o) => ({ value: o.id, label: o.label }))} />
          </select>
        </label>
      )}
      <button type="submit" className="rounded-md bg-slate-800 px-3 py-1.5 text-sm font-semibold text-white hover:bg-slate-700">
        Apply
      </button>
      {(props.status || props.ownerId) && (
        <Link href={props.path} className="py-1.5 text-sm text-indigo-700 underline">
          Clear filters
        </Link>
      )}
    </form>
  );
}
