import { LocalTime } from "@/components/ui/local-time";
import type { AgendaIncident } from "../agenda-types";
import { doneBeforeText, NO_REPEATS_TEXT } from "../repeat-words";
import { IncidentLink } from "./incident-tables";

/**
 * The earlier incidents this one repeats, newest first, each with how much of what was promised
 * after it was done before this one started. Nothing when the repeats were not recorded (an
 * agenda frozen before reviews showed them), nor when there are none and `sayNone` is off.
 */
export function RepeatsPanel({ incident, sayNone = true }: { incident: AgendaIncident; sayNone?: boolean }) {
  const { repeats } = incident;
  if (repeats === null || (repeats.length === 0 && !sayNone)) return null;
  return (
    <section aria-label={`Repeats of ${incident.reference}`} className="space-y-1">
      <h4 className="text-sm font-semibold text-slate-700">Repeats</h4>
      {repeats.length === 0 ? (
        <p className="text-sm text-slate-600">{NO_REPEATS_TEXT}</p>
      ) : (
        <ul className="space-y-2 text-sm">
          {repeats.map((r) => {
            const allDone = r.actionItems.total > 0 && r.actionItems.doneBeforeRepeat === r.actionItems.total;
            return (
              <li key={r.reference} className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2">
                <div className="flex flex-wrap items-baseline gap-x-2">
                  <IncidentLink reference={r.reference} />
                  <span className="font-medium text-slate-900 [overflow-wrap:anywhere]">{r.title}</span>
                  <span className="text-slate-600">
                    started <LocalTime iso={r.startedAt} />
                  </span>
                </div>
                <p className={allDone ? "text-slate-700" : "font-semibold text-amber-900"}>{doneBeforeText(r)}</p>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
