import { AiBadge, PolicyViolationBadge } from "@/components/ui/badges";
import { LocalTime } from "@/components/ui/local-time";
import { label } from "@/lib/domain/incident-enums";
import {
  authorText,
  deployToImpactText,
  incidentVerdictText,
  involvementText,
  MISMATCH_TEXT,
  NOT_NAMED_TEXT,
  NOT_RECORDED_AT_THE_TIME_TEXT,
  NOT_RECORDED_TEXT,
  policyVerdictText,
  signOffText,
} from "../change-words";
import type { AgendaIncident, ReviewChange } from "../agenda-types";
import { IncidentLink } from "./incident-tables";
import { RepeatsPanel } from "./repeats-panel";

function Fact({ name, children }: { name: string; children: React.ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-semibold tracking-wide text-slate-500 uppercase">{name}</dt>
      <dd className="text-sm text-slate-900 [overflow-wrap:anywhere]">{children}</dd>
    </div>
  );
}

const isWebAddress = (url: string | null): url is string => url !== null && /^https?:\/\//i.test(url);

function ChangeReference({ change }: { change: ReviewChange }) {
  const reference = <span className="font-mono font-semibold">{change.reference}</span>;
  return (
    <>
      {isWebAddress(change.url) ? (
        <a href={change.url} className="text-indigo-700 hover:underline" rel="noreferrer">
          {reference}
        </a>
      ) : (
        reference
      )}
      {change.title && <span className="block text-slate-700">{change.title}</span>}
    </>
  );
}

/** The recorded change: where and when it shipped, who signed it off, declared vs detected AI, and the policy's verdict. */
function RecordedChange({ change, startedAt }: { change: ReviewChange; startedAt: string }) {
  return (
    <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-2 xl:grid-cols-3">
      <Fact name="Change">
        <ChangeReference change={change} />
      </Fact>
      <Fact name="Service">{change.service.name}</Fact>
      <Fact name="Deployed">
        <LocalTime iso={change.deployedAt} /> <span className="text-slate-600">({deployToImpactText(change.deployedAt, startedAt)})</span>
      </Fact>
      <Fact name="Author and sign-off">
        {authorText(change.authorLevel)}, {signOffText(change.approval)}
      </Fact>
      <Fact name="AI involvement">
        Declared: <strong>{involvementText(change.declared.involvement, change.declared.tool)}</strong> · Detected in commit trailers:{" "}
        <strong>{involvementText(change.detected.involvement, change.detected.tool)}</strong>
        {change.mismatch && (
          <span role="note" className="mt-1 block rounded border border-amber-400 bg-amber-50 px-2 py-1 font-semibold text-amber-900">
            <span aria-hidden>⚠ </span>
            {MISMATCH_TEXT}
          </span>
        )}
      </Fact>
      <Fact name="Policy">
        <span className={change.policyViolation ? "font-semibold text-red-800" : "text-emerald-800"}>{policyVerdictText(change)}</span>
      </Fact>
    </dl>
  );
}

/** Without a recorded change, what the incident itself says of its change. */
function IncidentChange({ incident, note }: { incident: AgendaIncident; note: React.ReactNode }) {
  return (
    <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-2 xl:grid-cols-3">
      <Fact name="Change">{note}</Fact>
      <Fact name="Author and sign-off (on the incident)">
        {authorText(incident.changeAuthorLevel)}, {signOffText(incident.changeApproval)}
      </Fact>
      <Fact name="AI involvement (on the incident)">{involvementText(incident.aiInvolvement, incident.aiTool)}</Fact>
      <Fact name="Policy">
        <span className={incident.policyViolation ? "font-semibold text-red-800" : "text-emerald-800"}>{incidentVerdictText(incident)}</span>
      </Fact>
    </dl>
  );
}

function TriggeringChangeFacts({ incident }: { incident: AgendaIncident }) {
  const trigger = incident.triggeringChange;
  if (!trigger) return <IncidentChange incident={incident} note={NOT_RECORDED_AT_THE_TIME_TEXT} />;
  switch (trigger.state) {
    case "recorded":
      return <RecordedChange change={trigger.change} startedAt={incident.startedAt} />;
    case "not-recorded":
      return (
        <IncidentChange
          incident={incident}
          note={
            <>
              <span className="font-mono font-semibold">{trigger.reference}</span> <span className="block text-slate-700">{NOT_RECORDED_TEXT}</span>
            </>
          }
        />
      );
    case "not-named":
      return <IncidentChange incident={incident} note={NOT_NAMED_TEXT} />;
  }
}

/** The week's AI-involved incidents, policy violations first (the builder's order), each with its triggering change. */
export function AiChangeReview({ incidents }: { incidents: AgendaIncident[] }) {
  return (
    <ul aria-label="AI-involved incidents and their changes" className="space-y-3">
      {incidents.map((incident) => (
        <li
          key={incident.reference}
          className={`space-y-3 rounded-lg border p-4 ${incident.policyViolation ? "border-red-200 bg-red-50/60" : "border-slate-200 bg-slate-50"}`}
        >
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <IncidentLink reference={incident.reference} />
            <span className="font-semibold text-slate-900">{incident.title}</span>
            <span className="text-sm text-slate-600">{label(incident.severity)}</span>
            <AiBadge involvement={incident.aiInvolvement} />
            {incident.policyViolation && <PolicyViolationBadge title={incident.policyViolationReason ?? undefined} />}
          </div>
          <TriggeringChangeFacts incident={incident} />
          <RepeatsPanel incident={incident} sayNone={false} />
        </li>
      ))}
    </ul>
  );
}
