import Link from "next/link";
import { AiBadge, StatusBadge } from "@/components/ui/badges";
import { LocalTime } from "@/components/ui/local-time";
import { label } from "@/lib/domain/incident-enums";
import { formatCount, formatMinutes } from "@/lib/figure-text";
import type { AgendaIncident } from "@/features/reviews/agenda-types";

export const th = "px-3 py-2 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase";
export const td = "px-3 py-2 align-top";

export const IncidentLink = ({ reference }: { reference: string }) => (
  <Link href={`/incidents/${reference}`} className="font-mono font-semibold whitespace-nowrap text-indigo-700 hover:underline">
    {reference}
  </Link>
);

export function Table({ caption, head, children }: { caption: string; head: string[]; children: React.ReactNode }) {
  return (
    <div className="relative overflow-x-auto">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50">
          <tr>
            {head.map((h) => (
              <th key={h} scope="col" className={th}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">{children}</tbody>
      </table>
    </div>
  );
}

/** The week's Sev2s the roundup shows, the most impact first. */
export function Sev2Table({ incidents }: { incidents: AgendaIncident[] }) {
  return (
    <Table
      caption="Sev2 incidents of the week"
      head={["Incident", "Title", "Started", "Duration", "Users", "Blast radius", "Services", "Status", "Root cause"]}
    >
      {incidents.map((i) => (
        <tr key={i.reference}>
          <td className={td}>
            <IncidentLink reference={i.reference} />
          </td>
          <td className={`${td} font-medium`}>
            {i.title} <AiBadge involvement={i.aiInvolvement} />
          </td>
          <td className={`${td} whitespace-nowrap`}>
            <LocalTime iso={i.startedAt} />
          </td>
          <td className={`${td} whitespace-nowrap tabular-nums`}>{formatMinutes(i.impactMinutes)}</td>
          <td className={`${td} tabular-nums`}>{formatCount(i.usersAffected)}</td>
          <td className={td}>{label(i.blastRadius)}</td>
          <td className={td}>{i.services.join(", ")}</td>
          <td className={td}>
            <StatusBadge status={i.status} />
          </td>
          <td className={td}>{label(i.rootCauseCategory)}</td>
        </tr>
      ))}
    </Table>
  );
}
