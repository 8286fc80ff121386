import Link from "next/link";
import { formatCount } from "@/lib/figure-text";
import type { ActionItemView } from "../reads";
import { moreRowsHref } from "../search-params";
import { ActionItemTable } from "./action-item-table";

/** One page of an action-item list: its counts, the table, and the way to more rows. */
export function ActionItemList(props: {
  path: string;
  list: { items: ActionItemView[]; total: number; overdue: number };
  view: { status?: string; ownerId?: string; limit: number };
  canEdit: boolean;
  empty: string;
}) {
  const { items, total, overdue } = props.list;
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-600">
        {formatCount(total)} action item{total === 1 ? "" : "s"}
        {overdue > 0 && (
          <>
            , <strong className="text-red-700">{formatCount(overdue)} overdue</strong>
          </>
        )}
        . Overdue ones come first, then the rest still to do by due date, then finished ones.
      </p>
      {items.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-slate-600">{props.empty}</p>
      ) : (
        <ActionItemTable items={items} canEdit={props.canEdit} showIncident caption="Action items, overdue first" />
      )}
      {items.length < total && (
        <p className="text-sm text-slate-600">
          Showing {formatCount(items.length)} of {formatCount(total)}.{" "}
          <Link href={moreRowsHref(props.path, props.view)} className="font-semibold text-indigo-700 underline">
            Show more
          </Link>
        </p>
      )}
    </div>
  );
}
