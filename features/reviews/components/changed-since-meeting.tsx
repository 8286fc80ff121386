import Link from "next/link";
import type { ChangedIncident, ChangeSinceMeeting } from "../view";

const REASON: Record<ChangeSinceMeeting, (change: ChangedIncident) => string> = {
  edited: (change) => `version ${change.frozenVersion} at the meeting → ${change.currentVersion} now`,
  "filed-after-start": () => "filed after the meeting started",
  "not-on-agenda": () => "started in the week but was not on the agenda",
};

/** Edits to the week's incidents after the agenda was frozen: flagged, never folded into the frozen figures. */
export function ChangedSinceMeeting({ changes }: { changes: ChangedIncident[] }) {
  if (changes.length === 0) return null;
  return (
    <section aria-labelledby="changed-since-meeting" className="rounded-lg border-2 border-amber-400 bg-amber-50 p-4 text-amber-950 break-inside-avoid">
      <h2 id="changed-since-meeting" className="text-lg font-bold">
        <span aria-hidden>⚠ </span>Changed since the meeting
      </h2>
      <p className="text-sm">The figures below are as they stood when the meeting started; these incidents have changed since, or were not on the agenda.</p>
      <ul className="mt-2 space-y-1">
        {changes.map((change) => (
          <li key={change.reference}>
            <Link href={`/incidents/${change.reference}`} className="font-mono font-semibold text-amber-900 underline">
              {change.reference}
            </Link>{" "}
            {change.title}: <span className="font-medium">{REASON[change.reason](change)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
