import type { Metadata } from "next";
import Link from "next/link";
import { AiBadge, PolicyViolationBadge, SeverityBadge, StatusBadge } from "@/components/ui/badges";
import { LocalTime } from "@/components/ui/local-time";
import { listIncidents } from "@/features/incidents/queries";
import { requirePageActor } from "@/lib/auth/guards";
import { formatCount, formatMinutes } from "@/lib/format";

export const metadata: Metadata = { title: "Incidents" };
export const dynamic = "force-dynamic";

type SearchParams = Promise<{ after?: string; before?: string }>;

export default async function IncidentsPage({ searchParams }: { searchParams: SearchParams }) {
  await requirePageActor("incident:read");
  const { after, before } = await searchParams;
  const page = await listIncidents({ after, before });
  return (
    <div className="space-y-4">
      <div className="flex items-baseline justify-between">
        <h1 className="text-2xl font-bold">Incidents</h1>
        <p className="text-sm text-slate-600">{formatCount(page.total)} in all, newest first</p>
      </div>
      {page.items.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-slate-600">
          No incidents yet. <Link href="/incidents/new" className="font-semibold text-indigo-700 underline">File the first one</Link>.
        </p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
          <table className="min-w-full text-sm">
            <caption className="sr-only">Incidents, newest first</caption>
            <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
              <tr>
                <th scope="col" className="px-3 py-2">Reference</th>
                <th scope="col" className="px-3 py-2">Title</th>
                <th scope="col" className="px-3 py-2">Severity</th>
                <th scope="col" className="px-3 py-2">Status</th>
                <th scope="col" className="px-3 py-2">Services</th>
                <th scope="col" className="px-3 py-2">Started</th>
                <th scope="col" className="px-3 py-2 text-right" title="Minutes from impact start to mitigation (or until now while not mitigated)">Impact</th>
                <th scope="col" className="px-3 py-2">Change</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {page.items.map((incident) => (
                <tr key={incident.id} className="hover:bg-slate-50">
                  <td className="whitespace-nowrap px-3 py-2 font-mono text-xs">
                    <Link href={`/incidents/${incident.reference}`} className="text-indigo-700 hover:underline">{incident.reference}</Link>
                  </td>
                  <td className="px-3 py-2">
                    <Link href={`/incidents/${incident.reference}`} className="font-medium hover:underline">{incident.title}</Link>
                  </td>
                  <td className="px-3 py-2"><SeverityBadge severity={incident.severity} /></td>
                  <td className="px-3 py-2"><StatusBadge status={incident.status} /></td>
                  <td className="px-3 py-2 text-slate-600">{incident.services.join(", ")}</td>
                  <td className="whitespace-nowrap px-3 py-2 text-slate-600"><LocalTime iso={incident.startedAt} /></td>
                  <td className="whitespace-nowrap px-3 py-2 text-right tabular-nums">{formatMinutes(incident.impactMinutes)}</td>
                  <td className="space-x-1 whitespace-nowrap px-3 py-2">
                    <AiBadge involvement={incident.ai.involvement} />
                    {incident.policyViolation && <PolicyViolationBadge />}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav aria-label="Pages" className="flex justify-between text-sm">
        {page.newerCursor ? <Link href={`/incidents?before=${page.newerCursor}`} className="font-medium text-indigo-700 hover:underline">← Newer</Link> : <span />}
        {page.olderCursor ? <Link href={`/incidents?after=${page.olderCursor}`} className="font-medium text-indigo-700 hover:underline">Older →</Link> : <span />}
      </nav>
    </div>
  );
}
