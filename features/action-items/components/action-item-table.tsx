import { LocalTime } from "@/components/ui/local-time";
import { HeaderCell, TableBox, TableHead } from "@/components/ui/table";
import type { ActionItemView } from "../reads";
import { actionItemLabel } from "@/lib/domain/action-item-enums";
import { ActionItemOrigin, ReviewLink } from "./action-item-origin";
import { ActionItemStatusForm } from "./action-item-status-form";

const badge = "inline-flex items-center rounded px-1.5 py-0.5 text-xs font-semibold ring-1 ring-inset";
const priorityStyle: Record<string, string> = {
  P1: "bg-red-50 text-red-800 ring-red-200",
  P2: "bg-amber-50 text-amber-900 ring-amber-200",
  P3: "bg-slate-50 text-slate-700 ring-slate-200",
};

/** "24 Nov 2026": a due date is a calendar day, the same wherever it is read. */
const formatDate = (date: string) =>
  new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(new Date(`${date}T00:00:00Z`));

/** Action items as a table; the status is editable in place for those who may change it. */
export function ActionItemTable(props: { items: ActionItemView[]; canEdit: boolean; showIncident?: boolean; caption: string }) {
  return (
    <TableBox>
      <table className="min-w-full text-sm">
        <caption className="sr-only">{props.caption}</caption>
        <TableHead>
          <HeaderCell>Action item</HeaderCell>
          {props.showIncident && <HeaderCell>Incident</HeaderCell>}
          <HeaderCell>Owner</HeaderCell>
          <HeaderCell title="Overdue: due before today and still Open or In progress.">Due</HeaderCell>
          <HeaderCell>Priority</HeaderCell>
          <HeaderCell>Type</HeaderCell>
          <HeaderCell>Status</HeaderCell>
        </TableHead>
        <tbody className="divide-y divide-slate-100">
          {props.items.map((item) => (
            <tr key={item.id} className={item.overdue ? "bg-red-50/40" : undefined}>
              <th scope="row" className="min-w-48 px-3 py-2 text-left font-medium sm:min-w-64">
                {item.title}
                {/* The incident column names the review of an item without an incident; elsewhere the review is said here. */}
                {item.agreedInWeek && (item.incident || !props.showIncident) && (
                  <p className="font-normal">
                    <ReviewLink week={item.agreedInWeek} />
                  </p>
                )}
              </th>
              {props.showIncident && (
                <td className="px-3 py-2">
                  <ActionItemOrigin incident={item.incident} agreedInWeek={item.agreedInWeek} />
                </td>
              )}
              <td className="px-3 py-2 text-slate-700">{item.owner.name ?? item.owner.email}</td>
              <td className="whitespace-nowrap px-3 py-2">
                <time dateTime={item.dueDate}>{formatDate(item.dueDate)}</time>
                {item.overdue && <span className={`${badge} ml-2 bg-red-600 text-white ring-red-700`}>Overdue</span>}
              </td>
              <td className="px-3 py-2">
                <span className={`${badge} ${priorityStyle[item.priority] ?? ""}`}>{item.priority}</span>
              </td>
              <td className="px-3 py-2 text-slate-700">{actionItemLabel(item.type)}</td>
              <td className="px-3 py-2">
                {props.canEdit ? (
                  <ActionItemStatusForm id={item.id} title={item.title} status={item.status} version={item.version} />
                ) : (
                  <span>{actionItemLabel(item.status)}</span>
                )}
                {item.completedAt && (
                  <p className="mt-1 text-xs text-slate-500">
                    Done <LocalTime iso={item.completedAt} />
                  </p>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableBox>
  );
}
