import Link from "next/link";
import { isOverdue } from "@/features/action-items/overdue";
import { LocalTime } from "@/components/ui/local-time";
import { actionItemLabel } from "@/lib/domain/action-item-enums";
import type { PreviousMeeting } from "../agenda-types";
import { formatDate } from "../review-format";
import { IncidentLink, Table, td } from "./incident-tables";

/** What the previous held meeting decided and agreed, each action item with its status now (overdue judged at the review's date). */
export function FollowUps({ meeting, judgedOn }: { meeting: PreviousMeeting; judgedOn: string }) {
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600">
        From the{" "}
        <Link href={`/reviews/${meeting.week}`} className="font-medium text-indigo-700 hover:underline">
          {meeting.week} review
        </Link>
        , meeting finished <LocalTime iso={meeting.finishedAt} />.
      </p>
      {meeting.decisions.length > 0 && (
        <section aria-label="Decisions recorded" className="space-y-1">
          <h4 className="text-sm font-semibold text-slate-700">Decisions recorded</h4>
          <ul className="space-y-2 text-sm">
            {meeting.decisions.map((d, index) => (
              <li key={index} className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2">
                <span className="block text-xs font-semibold text-slate-500">{d.itemTitle}</span>
                <span className="whitespace-pre-line text-slate-900 [overflow-wrap:anywhere]">{d.decision}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {meeting.actionItems.length > 0 && (
        <section aria-label="Action items agreed" className="space-y-1">
          <h4 className="text-sm font-semibold text-slate-700">Action items agreed, with their status now</h4>
          <Table caption="Action items agreed in the previous meeting" head={["Action item", "Owner", "Due", "Status now", "Incident"]}>
            {meeting.actionItems.map((a) => {
              const overdue = isOverdue(a, judgedOn);
              return (
                <tr key={a.id} className={overdue ? "bg-red-50/40" : undefined}>
                  <td className={`${td} font-medium`}>{a.title}</td>
                  <td className={td}>{a.owner}</td>
                  <td className={`${td} whitespace-nowrap`}>
                    <time dateTime={a.dueDate}>{formatDate(a.dueDate)}</time>
                  </td>
                  <td className={`${td} whitespace-nowrap`}>
                    <span className={a.status === "DONE" ? "font-semibold text-emerald-800" : undefined}>{actionItemLabel(a.status)}</span>
                    {overdue && (
                      <span
                        title="Due before the review's date and still Open or In progress"
                        className="ml-2 inline-flex rounded bg-red-600 px-2 py-0.5 text-xs font-semibold text-white"
                      >
                        Overdue
                      </span>
                    )}
                  </td>
                  <td className={td}>
                    {a.incidentReference ? <IncidentLink reference={a.incidentReference} /> : <span className="text-slate-600">Review follow-up</span>}
                  </td>
                </tr>
              );
            })}
          </Table>
        </section>
      )}
    </div>
  );
}
