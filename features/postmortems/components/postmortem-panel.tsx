import Link from "next/link";
import { Card } from "@/components/ui/card";
import { ActionItemTable } from "@/features/action-items/components/action-item-table";
import { getIncidentActionItems } from "@/features/action-items/queries";
import { currentUiActor } from "@/lib/auth/current-actor";
import { can } from "@/lib/auth/permissions";
import { postmortemProgressOf } from "@/lib/domain/postmortem-progress";
import { getPostmortemView } from "../queries";
import { PostmortemBody, PostmortemHistory, PostmortemStateBadge } from "./postmortem-body";

/**
 * The incident page's postmortem: its state and who moved it, the sections, timeline, five
 * whys and action items, read-only, with the way into the editor.
 */
export async function PostmortemPanel({ incidentId, reference }: { incidentId: string; reference: string }) {
  const [postmortem, actionItems, actor] = await Promise.all([getPostmortemView(incidentId), getIncidentActionItems(incidentId), currentUiActor()]);
  const canEdit = actor !== null && can(actor.role, "postmortem:edit");
  const canEditItems = actor !== null && can(actor.role, "actionItem:edit");
  const progress = postmortemProgressOf(postmortem);
  const editorHref = `/incidents/${encodeURIComponent(reference)}/postmortem`;
  return (
    <Card as="section" aria-labelledby="postmortem-heading" className="space-y-5">
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div className="space-y-1">
          <div className="flex items-center gap-2">
            <h2 id="postmortem-heading" className="text-lg font-semibold">
              Postmortem
            </h2>
            <PostmortemStateBadge state={progress} />
          </div>
          <PostmortemHistory postmortem={postmortem} />
        </div>
        <Link
          href={editorHref}
          className="rounded-md border border-indigo-200 bg-indigo-50 px-3 py-1.5 text-sm font-semibold text-indigo-700 hover:bg-indigo-100"
        >
          {progress === "NOT_STARTED"
            ? canEdit
              ? "Write the postmortem"
              : "Open the postmortem"
            : canEdit && postmortem.state !== "PUBLISHED"
              ? "Edit the postmortem"
              : "Open the postmortem"}
        </Link>
      </header>
      {progress !== "NOT_STARTED" ? <PostmortemBody postmortem={postmortem} /> : <p className="text-sm text-slate-500">No postmortem has been written yet.</p>}
      <section aria-label="Action items" className="space-y-2">
        <h3 className="text-sm font-semibold uppercase tracking-wide text-slate-600">Action items</h3>
        {actionItems.length === 0 ? (
          <p className="text-sm text-slate-400">No action items yet.</p>
        ) : (
          <ActionItemTable items={actionItems} canEdit={canEditItems} caption={`Action items of ${reference}`} />
        )}
      </section>
    </Card>
  );
}
