import Link from "next/link";
import { cardClass } from "@/components/ui/card";
import { LocalTime } from "@/components/ui/local-time";
import { PanelTableHead } from "@/components/ui/panel-table-head";
import { label } from "@/lib/domain/incident-enums";
import type { SimilarIncidentResponse } from "../similar/reads";

/** The earlier incidents (null while they are still being looked for) whose title, summary and root cause read most like this one's, closest first. */
export function SimilarIncidents({ incidents }: { incidents: SimilarIncidentResponse[] | null }) {
  return (
    <section aria-labelledby="similar-incidents" className={cardClass("md", "min-w-0")}>
      <h2 id="similar-incidents" className="mb-1 text-sm font-semibold uppercase tracking-wide text-slate-600">
        Similar incidents
      </h2>
      <p className="mb-3 text-xs text-slate-500">Earlier incidents with the most words in common in title, summary and root cause, closest first.</p>
      {incidents === null ? (
        <p className="text-sm text-slate-400">Looking for similar incidents…</p>
      ) : incidents.length === 0 ? (
        <p className="text-sm text-slate-400">No earlier incident shares its telling words.</p>
      ) : (
        // On a phone the five columns scroll inside the panel, as the other tables do, never the page.
        <div className="overflow-x-auto">
          <table className="w-full min-w-[36rem] table-fixed text-left text-sm">
            <caption className="sr-only">Similar earlier incidents, closest first</caption>
            <PanelTableHead columns={["Incident", "Started", "Severity", "Root cause", "Resemblance"]} tone="text-slate-500" firstWidth="w-2/5" />
            <tbody>
              {incidents.map((incident) => (
                <tr key={incident.reference} className="border-t border-slate-100 align-top">
                  <th scope="row" className="py-1.5 pr-3 font-normal [overflow-wrap:anywhere]">
                    <Link href={`/incidents/${incident.reference}`} className="font-mono text-indigo-700 hover:underline">
                      {incident.reference}
                    </Link>
                    <span className="block">{incident.title}</span>
                  </th>
                  <td className="py-1.5 pr-3">
                    <LocalTime iso={incident.startedAt} />
                  </td>
                  <td className="py-1.5 pr-3">{label(incident.severity)}</td>
                  <td className="py-1.5 pr-3">{label(incident.rootCauseCategory)}</td>
                  <td className="py-1.5">{incident.resemblance}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
