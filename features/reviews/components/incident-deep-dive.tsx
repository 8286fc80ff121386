import { postmortemProgressLabel } from "@/lib/domain/postmortem-enums";
import Link from "next/link";
import { Markdown } from "@/components/markdown";
import { AiBadge, PolicyViolationBadge, SeverityBadge, StatusBadge } from "@/components/ui/badges";
import { LocalTime } from "@/components/ui/local-time";
import { label } from "@/lib/domain/incident-enums";
import { formatCount, formatMinutes } from "@/lib/figure-text";
import type { AgendaIncident } from "@/features/reviews/agenda-types";
import { RepeatsPanel } from "./repeats-panel";

function Fact({ name, children, big = false }: { name: string; children: React.ReactNode; big?: boolean }) {
  return (
    <div>
      <dt className="text-xs font-semibold tracking-wide text-slate-500 uppercase">{name}</dt>
      <dd className={big ? "text-3xl font-bold tabular-nums text-slate-900" : "text-base font-medium text-slate-900"}>{children}</dd>
    </div>
  );
}

/** One Sev1 with everything the deep dive needs, so nobody has to click away. */
export function IncidentDeepDive({ incident }: { incident: AgendaIncident }) {
  const postmortemHref = `/incidents/${incident.reference}/postmortem`;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-2">
        <Link href={`/incidents/${incident.reference}`} className="font-mono text-sm font-semibold text-indigo-700 hover:underline">
          {incident.reference}
        </Link>
        <SeverityBadge severity={incident.severity} />
        <StatusBadge status={incident.status} />
        <AiBadge involvement={incident.aiInvolvement} />
        {incident.policyViolation && <PolicyViolationBadge title={incident.policyViolationReason ?? undefined} />}
      </div>
      <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
        <Fact name="Duration" big>
          <span title="Impact minutes: from impact start to mitigation, counted up to now while not mitigated">{formatMinutes(incident.impactMinutes)}</span>
        </Fact>
        <Fact name="Users affected" big>
          {formatCount(incident.usersAffected)}
        </Fact>
        <Fact name="Blast radius">{label(incident.blastRadius)}</Fact>
        <Fact name="Services">{incident.services.join(", ") || "—"}</Fact>
        <Fact name="Started">
          <LocalTime iso={incident.startedAt} />
        </Fact>
        <Fact name="Mitigated">
          <LocalTime iso={incident.mitigatedAt} />
        </Fact>
        <Fact name="Postmortem">
          <Link href={postmortemHref} className="text-indigo-700 hover:underline">
            {postmortemProgressLabel(incident.postmortemState)}
          </Link>
        </Fact>
      </dl>
      {incident.policyViolation && incident.policyViolationReason && (
        <p role="note" className="rounded-md border border-red-300 bg-red-50 px-4 py-2 text-sm text-red-900">
          <strong>Policy violation:</strong> {incident.policyViolationReason}
        </p>
      )}
      <div className="grid gap-4 lg:grid-cols-2">
        <section aria-label="Root cause" className="space-y-1">
          <h4 className="text-sm font-semibold text-slate-700">Root cause: {label(incident.rootCauseCategory)}</h4>
          <Markdown text={incident.rootCauseDescription} empty="No description yet." className="text-base" />
        </section>
        <section aria-label="AI involvement" className="space-y-1">
          <h4 className="text-sm font-semibold text-slate-700">
            AI involvement: {label(incident.aiInvolvement)}
            {incident.aiTool ? ` · ${incident.aiTool}` : ""}
          </h4>
          <p className="text-sm text-slate-600">
            Triggering change: author {incident.changeAuthorLevel ? label(incident.changeAuthorLevel).toLowerCase() : "level unknown"}, sign-off{" "}
            {incident.changeApproval === "NONE" ? "none" : label(incident.changeApproval).toLowerCase()}
          </p>
          {incident.aiInvolvement !== "NONE" && <Markdown text={incident.aiDescription} empty="No description of what the tool did." />}
        </section>
      </div>
      <RepeatsPanel incident={incident} />
      <section aria-label="Timeline summary" className="space-y-1">
        <h4 className="text-sm font-semibold text-slate-700">Timeline</h4>
        {incident.timeline.length === 0 ? (
          <p className="text-sm text-slate-500">
            No timeline yet:{" "}
            <Link href={postmortemHref} className="text-indigo-700 hover:underline">
              the postmortem
            </Link>{" "}
            has none.
          </p>
        ) : (
          <ol className="space-y-1 border-l-2 border-slate-200 pl-4 text-sm">
            {incident.timeline.map((event, index) => (
              <li key={index}>
                <span className="font-mono text-xs text-slate-500">
                  <LocalTime iso={event.at} />
                </span>{" "}
                <span className="rounded bg-slate-100 px-1 text-xs font-semibold text-slate-600">
                  {event.kind.charAt(0) + event.kind.slice(1).toLowerCase()}
                </span>{" "}
                {event.text}
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
