import { cardClass } from "@/components/ui/card";
import { LocalTime } from "@/components/ui/local-time";
import { PanelTableHead } from "@/components/ui/panel-table-head";
import { EVENT_OUTCOME_WORDS, eventTypeWords } from "../event-words";

/** One PagerDuty event as the incident page shows it. */
export type PagerDutyEventRow = { id: string; type: string; occurredAt: string; outcome: "applied" | "ignored"; reason: string | null };

/** The PagerDuty events received for an incident, newest first: what happened, when, and whether it changed the incident. */
export function PagerDutyEventsPanel({ events }: { events: PagerDutyEventRow[] }) {
  return (
    <section aria-labelledby="pagerduty-events" className={cardClass("md", "min-w-0")}>
      <h2 id="pagerduty-events" className="mb-3 text-sm font-semibold uppercase tracking-wide text-slate-600">
        PagerDuty events
      </h2>
      {events.length === 0 ? (
        <p className="text-sm text-slate-400">No events received yet.</p>
      ) : (
        <table className="w-full table-fixed text-left text-sm">
          <caption className="sr-only">PagerDuty events, newest first</caption>
          <PanelTableHead columns={["Event", "Occurred", "Outcome"]} tone="text-slate-500" firstWidth="w-1/3" />
          <tbody>
            {events.map((event) => (
              <tr key={event.id} className="border-t border-slate-100 align-top">
                <th scope="row" className="py-1.5 pr-3 font-medium [overflow-wrap:anywhere]">
                  {eventTypeWords(event.type)}
                </th>
                <td className="py-1.5 pr-3">
                  <LocalTime iso={event.occurredAt} />
                </td>
                <td className="py-1.5 [overflow-wrap:anywhere]">
                  <span className={event.outcome === "applied" ? "text-emerald-700" : "text-slate-600"}>{EVENT_OUTCOME_WORDS[event.outcome]}</span>
                  {event.reason && <span className="block text-xs text-slate-500">{event.reason}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
