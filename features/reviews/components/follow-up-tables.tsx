import { postmortemProgressLabel } from "@/lib/domain/postmortem-enums";
import Link from "next/link";
import { ActionItemOrigin } from "@/features/action-items/components/action-item-origin";
import { actionItemLabel } from "@/lib/domain/action-item-enums";
import type { AgendaActionItem, PendingPostmortem } from "../agenda-types";
import type { MeetingActionItem } from "../reads/review";
import { IncidentLink, Table, td } from "./incident-tables";
import { daysBetween } from "@/lib/time/iso-week";
import { formatDate } from "../review-format";

/** Overdue action items of any incident, judged at the review's date. */
export function OverdueActionItemsTable({ actionItems, judgedOn }: { actionItems: AgendaActionItem[]; judgedOn: string }) {
  return (
    <Table caption="Overdue action items" head={["Action item", "Owner", "Due", "Days overdue", "Priority", "Incident"]}>
      {actionItems.map((a) => (
        <tr key={a.id}>
          <TitleOwnerDueCells actionItem={a} />
          <td className={`${td} font-semibold tabular-nums text-red-700`}>{daysBetween(a.dueDate, judgedOn)}</td>
          <td className={td}>{a.priority}</td>
          <td className={td}>
            <Origin actionItem={a} />
          </td>
        </tr>
      ))}
    </Table>
  );
}

/** The cells an action-item row starts with: what is to be done, by whom, by when. */
function TitleOwnerDueCells({ actionItem }: { actionItem: Pick<MeetingActionItem, "title" | "owner" | "dueDate"> }) {
  return (
    <>
      <td className={`${td} font-medium`}>{actionItem.title}</td>
      <td className={td}>{actionItem.owner}</td>
      <td className={`${td} whitespace-nowrap`}>
        <time dateTime={actionItem.dueDate}>{formatDate(actionItem.dueDate)}</time>
      </td>
    </>
  );
}

const Origin = ({ actionItem }: { actionItem: AgendaActionItem }) =>
  actionItem.incidentReference ? (
    <IncidentLink reference={actionItem.incidentReference} />
  ) : (
    <ActionItemOrigin incident={null} agreedInWeek={actionItem.agreedInWeek} />
  );

/** Sev1 postmortems still unpublished two weeks after the incident started. */
export function PendingPostmortemsTable({ postmortems, judgedOn }: { postmortems: PendingPostmortem[]; judgedOn: string }) {
  return (
    <Table caption="Postmortems pending" head={["Incident", "Title", "Started", "Postmortem", "Days since start"]}>
      {postmortems.map((p) => (
        <tr key={p.reference}>
          <td className={td}>
            <IncidentLink reference={p.reference} />
          </td>
          <td className={`${td} font-medium`}>{p.title}</td>
          <td className={`${td} whitespace-nowrap`}>
            <time dateTime={p.startedOn}>{formatDate(p.startedOn)}</time>
          </td>
          <td className={td}>{postmortemProgressLabel(p.postmortemState)}</td>
          <td className={`${td} font-semibold tabular-nums text-red-700`}>{daysBetween(p.startedOn, judgedOn)}</td>
        </tr>
      ))}
    </Table>
  );
}

/** The rows a long list leaves out of the agenda, counted, with where to see them all. */
export function MoreRows({ more, what, order, href }: { more: number; what: string; order: string; href: string }) {
  if (more === 0) return null;
  return (
    <p className="mt-2 text-sm text-slate-600">
      …and {more.toLocaleString("en-US")} more {what}, {order}.{" "}
      <Link href={href} className="font-medium text-indigo-700 hover:underline print:hidden">
        See them all
      </Link>
    </p>
  );
}

/** Action items agreed in the meeting. */
export function MeetingActionItemsTable({ actionItems, caption }: { actionItems: MeetingActionItem[]; caption: string }) {
  return (
    <Table caption={caption} head={["Action item", "Owner", "Due", "Priority", "Type", "Status", "Incident"]}>
      {actionItems.map((a) => (
        <tr key={a.id}>
          <TitleOwnerDueCells actionItem={a} />
          <td className={td}>{a.priority}</td>
          <td className={td}>{actionItemLabel(a.type)}</td>
          <td className={td}>{actionItemLabel(a.status)}</td>
          <td className={td}>
            {a.incidentReference ? <IncidentLink reference={a.incidentReference} /> : <span className="text-slate-600">Review follow-up</span>}
          </td>
        </tr>
      ))}
    </Table>
  );
}
