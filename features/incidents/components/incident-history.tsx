import { LocalTime } from "@/components/ui/local-time";
import { ACTOR_METHOD_LABELS, incidentFieldLabel } from "../field-labels";
import type { HistoryEntry } from "../history";
import { AuditChangeCells } from "./audit-value";
import { PanelTableHead } from "@/components/ui/panel-table-head";
import { cardClass } from "@/components/ui/card";

const WHAT: Record<string, string> = {
  "incident.create": "Filed the incident",
  "incident.import": "Imported the incident",
  "incident.update": "Edited",
  "incident.not_repeat": "Marked an earlier incident as not a repeat",
  "incident.not_repeat_undone": "Undid a not-a-repeat mark",
};

/** The incident's audit trail, newest first: when, who, through which door, and each field from → to. */
export function IncidentHistory({ entries }: { entries: HistoryEntry[] }) {
  return (
    <section aria-labelledby="incident-history" className={cardClass("md")}>
      <h2 id="incident-history" className="mb-3 text-sm font-semibold uppercase tracking-wide text-slate-600">
        History
      </h2>
      {entries.length === 0 ? (
        <p className="text-sm text-slate-400">No recorded changes.</p>
      ) : (
        <ol className="space-y-4">
          {entries.map((entry) => (
            <li key={entry.id} aria-label={`${WHAT[entry.action] ?? entry.action} by ${entry.actorLabel}`} className="border-l-2 border-slate-200 pl-4">
              <p className="text-sm">
                <span className="font-medium">{WHAT[entry.action] ?? entry.action}</span>
                {entry.version && (
                  <span className="text-slate-500">
                    {" "}
                    (version {entry.version.from} → {entry.version.to})
                  </span>
                )}
                <span className="text-slate-600">
                  {" "}
                  by {entry.actorLabel} {ACTOR_METHOD_LABELS[entry.method]} · <LocalTime iso={entry.occurredAt} />
                </span>
              </p>
              {entry.changes.length > 0 && (
                <table className="mt-2 w-full table-fixed text-left text-sm">
                  <PanelTableHead columns={["Field", "From", "To"]} tone="text-slate-500" gap="pr-4" firstWidth="w-48" />
                  <tbody>
                    {entry.changes.map((change) => (
                      <tr key={change.field} className="border-t border-slate-100 align-top">
                        <th scope="row" className="py-1 pr-4 font-normal text-slate-600">
                          {incidentFieldLabel(change.field)}
                        </th>
                        <AuditChangeCells field={change.field} from={change.from} to={change.to} className="break-words py-1 pr-4" last="break-words py-1" />
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
