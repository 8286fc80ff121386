import Link from "next/link";
import { HeaderCell, TableBox, TableHead } from "@/components/ui/table";
import { AiBadge, PolicyViolationBadge, SeverityBadge, StatusBadge } from "@/components/ui/badges";
import { LocalTime } from "@/components/ui/local-time";
import { formatMinutes } from "@/lib/figure-text";
import type { ServiceIncident } from "@/features/services/reads";

/** The service's latest incidents, each linking to its page. */
export function ServiceIncidents({ incidents, serviceName }: { incidents: ServiceIncident[]; serviceName: string }) {
  if (incidents.length === 0) {
    return (
      <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center text-sm text-slate-600">
        No incidents have touched {serviceName}.
      </p>
    );
  }
  return (
    <TableBox>
      <table className="min-w-full text-sm">
        <caption className="sr-only">Latest incidents of {serviceName}, newest first</caption>
        <TableHead>
          <HeaderCell>Incident</HeaderCell>
          <HeaderCell>Severity</HeaderCell>
          <HeaderCell>Status</HeaderCell>
          <HeaderCell>Started</HeaderCell>
          <HeaderCell align="right">Impact</HeaderCell>
          <HeaderCell>Change</HeaderCell>
        </TableHead>
        <tbody>
          {incidents.map((incident) => (
            <tr key={incident.reference} className="border-t border-slate-100 align-top">
              <th scope="row" className="px-3 py-2 text-left font-normal">
                <Link href={`/incidents/${incident.reference}`} className="font-semibold text-indigo-700 hover:underline">
                  {incident.reference}
                </Link>
                <span className="block text-slate-700">{incident.title}</span>
              </th>
              <td className="px-3 py-2">
                <SeverityBadge severity={incident.severity} />
              </td>
              <td className="px-3 py-2">
                <StatusBadge status={incident.status} />
              </td>
              <td className="whitespace-nowrap px-3 py-2 text-slate-600">
                <LocalTime iso={incident.startedAt} />
              </td>
              <td className="whitespace-nowrap px-3 py-2 text-right tabular-nums">{formatMinutes(incident.impactMinutes)}</td>
              <td className="space-x-1 px-3 py-2">
                <AiBadge involvement={incident.aiInvolvement} />
                {incident.policyViolation && <PolicyViolationBadge />}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableBox>
  );
}
