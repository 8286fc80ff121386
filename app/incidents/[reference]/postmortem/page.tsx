import { Panel } from "@/components/ui/panel";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { SeverityBadge, StatusBadge } from "@/components/ui/badges";
import { ActionItemTable } from "@/features/action-items/components/action-item-table";
import { CreateActionItemForm } from "@/features/action-items/components/create-action-item-form";
import { getIncidentActionItems, getOwnerOptions, organisationToday } from "@/features/action-items/queries";
import { getIncident } from "@/features/incidents/queries";
import { FiveWhysView, PostmortemHistory, PostmortemSectionsView, PostmortemStateBadge, TimelineView } from "@/features/postmortems/components/postmortem-body";
import { PostmortemEditorProvider } from "@/features/postmortems/components/editor-context";
import { FiveWhysEditor } from "@/features/postmortems/components/five-whys-editor";
import { SectionsForm } from "@/features/postmortems/components/sections-form";
import { StateControls } from "@/features/postmortems/components/state-controls";
import { TimelineEditor } from "@/features/postmortems/components/timeline-editor";
import { postmortemProgressOf } from "@/lib/domain/postmortem-progress";
import { getPostmortemView } from "@/features/postmortems/queries";
import { isEditable } from "@/features/postmortems/state";
import { requirePageActor } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";

export const dynamic = "force-dynamic";

type Params = Promise<{ reference: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return { title: `Postmortem ${decodeURIComponent((await params).reference).slice(0, 40)}` };
}

export default async function PostmortemEditorPage({ params }: { params: Params }) {
  const actor = await requirePageActor("incident:read");
  const incident = await getIncident(decodeURIComponent((await params).reference));
  if (!incident) notFound();
  const [postmortem, actionItems] = await Promise.all([getPostmortemView(incident.id), getIncidentActionItems(incident.id)]);
  // Editing controls only for those who may use them; every action checks again on the server.
  const canEdit = can(actor.role, "postmortem:edit") && isEditable(postmortem.state);
  const canPublish = can(actor.role, "postmortem:publish");
  const canEditItems = can(actor.role, "actionItem:edit");
  const [owners, today] = canEditItems ? await Promise.all([getOwnerOptions(), organisationToday()]) : [[], ""];

  return (
    <article className="space-y-6">
      <header className="space-y-2">
        <p className="text-sm">
          <Link href={`/incidents/${incident.reference}`} className="font-mono text-indigo-700 hover:underline">
            {incident.reference}
          </Link>{" "}
          <span className="text-slate-600">{incident.title}</span>
        </p>
        <div className="flex flex-wrap items-center gap-2">
          <h1 className="text-2xl font-bold">Postmortem</h1>
          <PostmortemStateBadge state={postmortemProgressOf(postmortem)} />
          <SeverityBadge severity={incident.severity} />
          <StatusBadge status={incident.status} />
        </div>
        <PostmortemHistory postmortem={postmortem} />
      </header>

      <PostmortemEditorProvider incidentId={incident.id} version={postmortem.version}>
        <StateControls
          state={postmortem.state}
          canEdit={can(actor.role, "postmortem:edit")}
          canPublish={canPublish}
          actionItemCount={actionItems.length}
          noActionNeededReason={postmortem.noActionNeededReason}
        />
        <Panel named title="Write-up">
          {canEdit ? <SectionsForm sections={postmortem.sections} /> : <PostmortemSectionsView postmortem={postmortem} />}
        </Panel>
        <Panel named title="Timeline" note="Events in the order they happened; times are shown in your time zone.">
          {canEdit ? <TimelineEditor events={postmortem.timeline} /> : <TimelineView timeline={postmortem.timeline} />}
        </Panel>
        <Panel named title="Five whys">
          {canEdit ? <FiveWhysEditor whys={postmortem.fiveWhys} /> : <FiveWhysView whys={postmortem.fiveWhys} />}
        </Panel>
      </PostmortemEditorProvider>

      <Panel named title="Action items">
        {actionItems.length === 0 ? (
          <p className="text-sm text-slate-500">No action items yet.</p>
        ) : (
          <ActionItemTable items={actionItems} canEdit={canEditItems} caption={`Action items of ${incident.reference}`} />
        )}
        {canEditItems && (
          <div className="mt-4 border-t border-slate-100 pt-4">
            <CreateActionItemForm incidentId={incident.id} owners={owners} today={today} />
          </div>
        )}
      </Panel>
    </article>
  );
}
