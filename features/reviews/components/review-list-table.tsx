import Link from "next/link";
import { HeaderCell, TableBox, TableHead } from "@/components/ui/table";
import type { ReviewWeekRow } from "../reads/review-weeks";
import { formatDay, formatWeekRange } from "../review-format";
import { ReviewStatusBadge } from "./review-status-badge";

const cell = "px-2.5 py-2.5 whitespace-nowrap";
const number = `${cell} text-right tabular-nums`;

/** Count columns with their definitions in the header's title, as everywhere else in the app. */
const COUNT_COLUMNS = [
  { key: "sev1", label: "Sev1", definition: "Sev1 incidents that started in the week" },
  { key: "sev2", label: "Sev2", definition: "Sev2 incidents that started in the week" },
  { key: "aiInvolved", label: "AI-involved", definition: "Incidents of the week whose triggering change involved an AI tool" },
  { key: "policyViolations", label: "Violations", definition: "AI-involved changes of the week that lacked the sign-off the approval policy requires" },
] as const;

/** One row per ISO week, newest first; `meetingThisWeek` names the review held this week. */
export function ReviewListTable({ rows, meetingThisWeek }: { rows: ReviewWeekRow[]; meetingThisWeek: string | null }) {
  return (
    <TableBox>
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">Weekly reviews, the current week first</caption>
        <TableHead>
          <HeaderCell className="whitespace-nowrap">Week</HeaderCell>
          <HeaderCell className="whitespace-nowrap">Covers</HeaderCell>
          <HeaderCell className="whitespace-nowrap">Meeting</HeaderCell>
          <HeaderCell className="whitespace-nowrap">Status</HeaderCell>
          {COUNT_COLUMNS.map((c) => (
            <HeaderCell key={c.key} align="right" title={c.definition} className="whitespace-nowrap">
              {c.label}
            </HeaderCell>
          ))}
          <HeaderCell align="right" title="Agenda items stored; — while the agenda is still the app's proposal" className="whitespace-nowrap">
            Items
          </HeaderCell>
        </TableHead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => {
            const highlighted = row.week === meetingThisWeek;
            return (
              <tr key={row.week} aria-current={highlighted ? "date" : undefined} className={highlighted ? "bg-indigo-50 font-medium" : "hover:bg-slate-50"}>
                <th scope="row" className={`${cell} text-left`}>
                  <Link href={`/reviews/${row.week}`} className="font-mono font-semibold text-indigo-700 hover:underline">
                    {row.week}
                  </Link>
                  {highlighted && <span className="block text-xs font-semibold text-indigo-700">This week’s meeting</span>}
                </th>
                <td className={cell}>{formatWeekRange(row.week)}</td>
                <td className={cell}>
                  <time dateTime={row.meetingDate}>{formatDay(row.meetingDate)}</time>
                </td>
                <td className={cell}>
                  <ReviewStatusBadge status={row.status} />
                </td>
                <td className={`${number} ${row.sev1 > 0 ? "font-semibold text-red-700" : ""}`}>{row.sev1}</td>
                <td className={number}>{row.sev2}</td>
                <td className={number}>{row.aiInvolved}</td>
                <td className={`${number} ${row.policyViolations > 0 ? "font-semibold text-red-700" : ""}`}>{row.policyViolations}</td>
                <td className={number}>{row.agendaItems ?? "—"}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableBox>
  );
}
