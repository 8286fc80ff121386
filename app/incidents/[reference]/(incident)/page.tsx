import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Markdown } from "@/components/markdown";
import { AiBadge, PolicyViolationBadge, SeverityBadge, StatusBadge } from "@/components/ui/badges";
import { Card, Facts } from "@/components/ui/facts";
import { LocalTime } from "@/components/ui/local-time";
import { TriggeringChangePanel } from "@/features/changes/components/triggering-change-panel";
import { readRecordedChange } from "@/features/changes/queries";
import { IncidentHistory } from "@/features/incidents/components/incident-history";
import { RepeatsPanel } from "@/features/incidents/components/repeats-panel";
import { IncidentSourceNote } from "@/features/incidents/components/incident-source";
import { PagerDutyEventsPanel } from "@/features/pagerduty/components/pagerduty-events-panel";
import { pagerDutyEventsOf } from "@/features/pagerduty/queries";
import { label } from "@/lib/domain/incident-enums";
import { policyViolationReason } from "@/lib/domain/approval-policy";
import { getIncident, incidentHistory, organisationSettings } from "@/features/incidents/queries";
import { PostmortemPanel } from "@/features/postmortems/components/postmortem-panel";
import { requirePageActor } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { formatCount, formatMinutes } from "@/lib/figure-text";
import { buttonClass } from "@/components/ui/button";
import { cardClass } from "@/components/ui/card";
import { Suspense } from "react";
import { SimilarIncidents } from "@/features/incidents/components/similar-incidents";
import { similarIncidents } from "@/features/incidents/similar/queries";
import { toSimilarIncidentResponse } from "@/features/incidents/similar/reads";

export const dynamic = "force-dynamic";

type Params = Promise<{ reference: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return { title: decodeURIComponent((await params).reference).slice(0, 40) };
}

export default async function IncidentPage({ params }: { params: Params }) {
  const actor = await requirePageActor("incident:read");
  const [incident, settings] = await Promise.all([getIncident(decodeURIComponent((await params).reference)), organisationSettings()]);
  if (!incident) notFound();
  const [history, recordedChange, pagerDutyEvents] = await Promise.all([
    incidentHistory(incident.id),
    incident.change.reference ? readRecordedChange(incident.change.reference) : null,
    incident.source?.system === "pagerduty" ? pagerDutyEventsOf(incident.id) : null,
  ]);
  const change = { aiInvolvement: incident.ai.involvement, authorLevel: incident.change.authorLevel, approval: incident.change.approval };
  const violation = incident.policyViolation ? policyViolationReason(change, settings.approvalPolicy) : null;
  return (
    <article className="space-y-6">
      <header className="space-y-2">
        <div className="flex items-center justify-between gap-4">
          <p className="font-mono text-sm text-slate-500">{incident.reference}</p>
          {/* A convenience only: the edit page and its action check incident:update themselves. */}
          {can(actor.role, "incident:update") && (
            <Link href={`/incidents/${incident.reference}/edit`} className={buttonClass("secondary", "md")}>
              Edit
            </Link>
          )}
        </div>
        <h1 className="text-2xl font-bold">{incident.title}</h1>
        <div className="flex flex-wrap gap-2">
          <SeverityBadge severity={incident.severity} />
          <StatusBadge status={incident.status} />
          <AiBadge involvement={incident.ai.involvement} />
          {incident.policyViolation && <PolicyViolationBadge title={violation ?? undefined} />}
        </div>
        {incident.source && <IncidentSourceNote source={incident.source} />}
      </header>

      <section aria-label="At a glance" className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        <Figure
          name="Customer impact"
          value={formatMinutes(incident.impactMinutes)}
          definition="Minutes from impact start to mitigation; counts up to now while not mitigated."
        />
        <Figure name="Time to detect" value={formatMinutes(incident.ttdMinutes)} definition="Detected − impact started." />
        <Figure name="Time to mitigate" value={formatMinutes(incident.ttmMinutes)} definition="Mitigated − impact started." />
        <Figure name="Time to resolve" value={formatMinutes(incident.ttrMinutes)} definition="Resolved − impact started." />
      </section>

      {violation && (
        <p role="note" className="rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-900">
          <strong>Policy violation:</strong> {violation}
        </p>
      )}

      <div className="grid gap-6 lg:grid-cols-3">
        <Card title="Summary" className="lg:col-span-2">
          <Prose text={incident.summary} />
        </Card>
        <Card title="Timeline">
          <Facts
            rows={[
              ["Impact started", <LocalTime key="s" iso={incident.startedAt} />],
              ["Detected", <LocalTime key="d" iso={incident.detectedAt} />],
              ["Mitigated", <LocalTime key="m" iso={incident.mitigatedAt} />],
              ["Resolved", <LocalTime key="r" iso={incident.resolvedAt} />],
            ]}
          />
        </Card>
        <Card title="Impact">
          <Facts
            rows={[
              ["Users affected", formatCount(incident.impact.usersAffected)],
              ["Failed transactions", formatCount(incident.impact.failedTransactions)],
              ["Regions", incident.impact.regions.length ? incident.impact.regions.join(", ") : "All regions"],
              ["Capabilities", incident.impact.capabilities.join(", ") || "—"],
              ["Blast radius", label(incident.blastRadius)],
              ["Services", incident.serviceDetails.map((s) => `${s.name} (${s.team.name})`).join(", ")],
            ]}
          />
        </Card>
        <Card title="Root cause">
          <p className="mb-2 text-sm font-medium">{label(incident.rootCause.category)}</p>
          <Prose text={incident.rootCause.description} />
        </Card>
        <Card title="Triggering change and AI">
          <Facts
            rows={[
              ["Change", <ChangeReference key="c" reference={incident.change.reference} recorded={recordedChange !== null} />],
              ["Author level", incident.change.authorLevel ? label(incident.change.authorLevel) : "Unknown"],
              ["Highest sign-off", label(incident.change.approval)],
              ["AI involvement", label(incident.ai.involvement)],
              ["AI tool", incident.ai.tool ?? "—"],
            ]}
          />
          {incident.ai.description && <Prose text={incident.ai.description} />}
        </Card>
      </div>

      {recordedChange && <TriggeringChangePanel change={recordedChange} incident={incident} />}

      <RepeatsPanel incidentId={incident.id} reference={incident.reference} />

      <PostmortemPanel incidentId={incident.id} reference={incident.reference} />

      {pagerDutyEvents && <PagerDutyEventsPanel events={pagerDutyEvents} />}

      <Suspense fallback={<SimilarIncidents incidents={null} />}>
        <SimilarIncidentsOf incidentId={incident.id} />
      </Suspense>

      <IncidentHistory entries={history} />
      <p className="text-xs text-slate-500">Version {incident.version}</p>
    </article>
  );
}

/** The similar earlier incidents, streamed in after the rest of the page. */
async function SimilarIncidentsOf({ incidentId }: { incidentId: string }) {
  return <SimilarIncidents incidents={(await similarIncidents(incidentId)).map(toSimilarIncidentResponse)} />;
}

function Figure(props: { name: string; value: string; definition: string }) {
  return (
    <div role="group" aria-label={props.name} className={cardClass("sm")} title={props.definition}>
      <p className="text-xs font-medium uppercase tracking-wide text-slate-500">{props.name}</p>
      <p className="mt-1 text-xl font-semibold tabular-nums">{props.value}</p>
      <p className="mt-1 text-xs text-slate-500">{props.definition}</p>
    </div>
  );
}

/** The incident's change reference: a link to the recorded change below, or a note that the pipeline never recorded it. */
function ChangeReference({ reference, recorded }: { reference: string | null; recorded: boolean }) {
  if (!reference) return <>—</>;
  if (recorded)
    return (
      <a href="#triggering-change" className="text-indigo-700 hover:underline">
        {reference}
      </a>
    );
  return (
    <>
      {reference}
      <span className="block text-xs text-slate-500">Not recorded by the deploy pipeline</span>
    </>
  );
}

/** User markdown, rendered sanitised. */
function Prose({ text }: { text: string }) {
  return text ? <Markdown text={text} /> : <p className="text-sm text-slate-400">Nothing written yet.</p>;
}
