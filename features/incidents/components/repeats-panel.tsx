import Link from "next/link";
import { Card } from "@/components/ui/card";
import { LocalTime } from "@/components/ui/local-time";
import { currentUiActor } from "@/lib/auth/current-actor";
import { can } from "@/lib/auth/permissions";
import { incidentNotRepeatMarks, incidentRepeats } from "../repeats/queries";
import type { RepeatRow } from "../repeats/reads";
import { MarkNotRepeatForm, UndoNotRepeatMarkForm } from "./not-repeat-forms";

/** An earlier incident: its reference as a link, and its title. */
const IncidentLine = ({ incident }: { incident: { reference: string; title: string } }) => (
  <p className="text-sm">
    <Link href={`/incidents/${incident.reference}`} className="font-mono text-xs text-indigo-700 hover:underline">
      {incident.reference}
    </Link>{" "}
    <span className="font-medium break-words">{incident.title}</span>
  </p>
);

/** "2 of 3 action items done before this incident started", or that none were agreed. */
export function actionItemsWords({ total, doneBeforeRepeat }: RepeatRow["actionItems"]): string {
  if (total === 0) return "No action items were agreed after it";
  return `${doneBeforeRepeat} of ${total} action item${total === 1 ? "" : "s"} done before this incident started`;
}

/**
 * The incident's repeats (the earlier incidents the learning loop's rule names), newest first,
 * each with what was promised after it; a LEAD can mark one as not a repeat, and undo that.
 */
export async function RepeatsPanel({ incidentId, reference }: { incidentId: string; reference: string }) {
  const [repeats, marks, actor] = await Promise.all([incidentRepeats(incidentId), incidentNotRepeatMarks(incidentId), currentUiActor()]);
  const canMark = actor !== null && can(actor.role, "incident:markNotRepeat");
  return (
    <Card as="section" aria-labelledby="repeats-heading" className="space-y-4">
      <h2 id="repeats-heading" className="text-lg font-semibold">
        Repeats {repeats.length > 0 && <span className="text-slate-500">({repeats.length})</span>}
      </h2>
      {repeats.length === 0 ? (
        <p className="text-sm text-slate-500">No earlier incident is a repeat of this one.</p>
      ) : (
        <ul aria-label="Repeats" className="divide-y divide-slate-100">
          {repeats.map((repeat) => (
            <li key={repeat.id} aria-label={repeat.reference} className="space-y-1 py-3 first:pt-0">
              <IncidentLine incident={repeat} />
              <p className="text-xs text-slate-600">
                Started <LocalTime iso={repeat.startedAt.toISOString()} /> · Shared services: {repeat.sharedServices.join(", ")}
              </p>
              <p className="text-sm">{actionItemsWords(repeat.actionItems)}</p>
              {canMark && <MarkNotRepeatForm incident={reference} earlier={repeat.reference} />}
            </li>
          ))}
        </ul>
      )}
      {marks.length > 0 && (
        <div className="space-y-2 border-t border-slate-200 pt-3">
          <h3 className="text-sm font-semibold text-slate-700">Marked as not repeats</h3>
          <ul aria-label="Marked as not repeats" className="space-y-3">
            {marks.map((mark) => (
              <li key={mark.earlierIncidentId} aria-label={mark.reference} className="space-y-1">
                <IncidentLine incident={mark} />
                <p className="text-xs text-slate-600">
                  By {mark.markedBy ?? "an API token or a removed user (see History)"}, <LocalTime iso={mark.markedAt.toISOString()} />
                  {mark.reason ? <>: “{mark.reason}”</> : " (no reason given)"}
                </p>
                {canMark && <UndoNotRepeatMarkForm incident={reference} earlier={mark.reference} />}
              </li>
            ))}
          </ul>
        </div>
      )}
    </Card>
  );
}
