import Link from "next/link";
import { AiBadge, PolicyViolationBadge, StatusBadge } from "@/components/ui/badges";
import { LocalTime } from "@/components/ui/local-time";
import { label } from "@/features/incidents/enums";
import { formatCount, formatMinutes } from "@/lib/format";
import type { AgendaIncident } from "../types";

export const th = "px-3 py-2 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase";
export const td = "px-3 py-2 align-top";

export const IncidentLink = ({ reference }: { reference: string }) => (
  <Link href={`/incidents/${reference}`} className="font-mono font-semibold whitespace-nowrap text-indigo-700 hover:underline">
    {reference}
  </Link>
);

export function Table({ caption, head, children }: { caption: string; head: string[]; children: React.ReactNode }) {
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50">
          <tr>
            {head.map((h) => (
              <th key={h} scope="col" className={th}>{h}</th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">{children}</tbody>
      </table>
    </div>
  );
}

/** The week's AI-involved changes, policy violations first (the order the builder gave). */
export function AiChangeTable({ incidents }: { incidents: AgendaIncident[] }) {
  return (
    <Table caption="AI-involved changes" head={["Incident", "Title", "Severity", "Involvement", "Tool", "Author", "Approval", "Policy"]}>
      {incidents.map((i) => (
        <tr key={i.reference} className={i.policyViolation ? "bg-red-50/60" : undefined}>
          <td className={td}><IncidentLink reference={i.reference} /></td>
          <td className={`${td} font-medium`}>{i.title}</td>
          <td className={td}>{label(i.severity)}</td>
          <td className={td}><AiBadge involvement={i.aiInvolvement} /></td>
          <td className={td}>{i.aiTool ?? "—"}</td>
          <td className={td}>{label(i.changeAuthorLevel)}</td>
          <td className={td}>{label(i.changeApproval)}</td>
          <td className={td}>
            {i.policyViolation ? (
              <div className="space-y-1">
                <PolicyViolationBadge title={i.policyViolationReason ?? undefined} />
                {i.policyViolationReason && <p className="text-xs text-red-800">{i.policyViolationReason}</p>}
              </div>
            ) : (
              <span className="text-emerald-700">Signed off</span>
            )}
          </td>
        </tr>
      ))}
    </Table>
  );
}

/** All Sev2s of the week, oldest first. */
export function Sev2Table({ incidents }: { incidents: AgendaIncident[] }) {
  return (
    <Table caption="Sev2 incidents of the week" head={["Incident", "Title", "Started", "Duration", "Users", "Blast radius", "Services", "Status", "Root cause"]}>
      {incidents.map((i) => (
        <tr key={i.reference}>
          <td className={td}><IncidentLink reference={i.reference} /></td>
          <td className={`${td} font-medium`}>
            {i.title} <AiBadge involvement={i.aiInvolvement} />
          </td>
          <td className={`${td} whitespace-nowrap`}><LocalTime iso={i.startedAt} /></td>
          <td className={`${td} whitespace-nowrap tabular-nums`}>{formatMinutes(i.impactMinutes)}</td>
          <td className={`${td} tabular-nums`}>{formatCount(i.usersAffected)}</td>
          <td className={td}>{label(i.blastRadius)}</td>
          <td className={td}>{i.services.join(", ")}</td>
          <td className={td}><StatusBadge status={i.status} /></td>
          <td className={td}>{label(i.rootCauseCategory)}</td>
        </tr>
      ))}
    </Table>
  );
}
