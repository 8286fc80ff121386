import type { IncidentSource } from "../reads";

const SYSTEM_NAMES: Record<string, string> = { pagerduty: "PagerDuty" };

/** "From PagerDuty", linking to the incident there (a new tab; the other site gets no handle on this page). */
export function IncidentSourceNote({ source }: { source: IncidentSource }) {
  const system = SYSTEM_NAMES[source.system] ?? source.system;
  const name = `incident ${source.id} in ${system}`;
  return (
    <p className="text-sm text-slate-600">
      From {system}:{" "}
      {source.url ? (
        <a href={source.url} target="_blank" rel="noopener noreferrer external" className="font-medium text-indigo-700 hover:underline">
          {name}
          <span className="sr-only"> (opens in a new tab)</span>
        </a>
      ) : (
        name
      )}
    </p>
  );
}
