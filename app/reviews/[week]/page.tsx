import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Panel } from "@/components/ui/panel";
import { organisationToday } from "@/features/action-items/queries";
import { AddCustomItemForm } from "@/features/reviews/components/add-custom-item-form";
import { AgendaItemCard, type CardContext } from "@/features/reviews/components/agenda-item-card";
import { ChangedSinceMeeting } from "@/features/reviews/components/changed-since-meeting";
import { FollowAlong } from "@/features/reviews/components/follow-along";
import { MeetingActionItemsTable } from "@/features/reviews/components/follow-up-tables";
import { MissingDeepDives } from "@/features/reviews/components/missing-deep-dives";
import { MeetingBar, PreparationControls } from "@/features/reviews/components/meeting-controls";
import { ReorderableAgenda } from "@/features/reviews/components/reorderable-agenda";
import { ReviewHeader } from "@/features/reviews/components/review-header";
import { ReviewVersionProvider } from "@/features/reviews/components/review-version";
import { ScrollToCurrent } from "@/features/reviews/components/scroll-to-current";
import { SuggestionsPanel } from "@/features/reviews/components/suggestions-panel";
import { getReviewView, listMeetingActionItems, listPresenters } from "@/features/reviews/queries";
import { isoWeekField } from "@/features/reviews/schemas";
import { requirePageActor } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import "./review-print.css";
import { Card } from "@/components/ui/card";

export const dynamic = "force-dynamic";

type Params = Promise<{ week: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return { title: `Review ${decodeURIComponent((await params).week).slice(0, 10)}` };
}

export default async function ReviewPage({ params }: { params: Params }) {
  const actor = await requirePageActor("incident:read");
  const week = isoWeekField.safeParse(decodeURIComponent((await params).week));
  if (!week.success) notFound();
  const canManage = can(actor.role, "review:manage");
  const [view, presenters, today] = await Promise.all([getReviewView(week.data), canManage ? listPresenters() : [], organisationToday()]);
  const actionItems = view.review ? await listMeetingActionItems(view.review.id) : [];
  const context: CardContext = { view, canManage, presenters, today, serverNow: new Date().toISOString(), actionItems };
  const editing = canManage && !view.frozen;
  const running = view.status === "IN_PROGRESS";
  const currentId = running ? view.review?.currentItemId : null;

  return (
    <ReviewVersionProvider version={view.review?.version ?? 0}>
      {/* Wider than other pages on large screens: the meeting is run from it on a projector. */}
      <article className="review-page space-y-6">
        <ReviewHeader view={view}>
          {editing && <PreparationControls view={view} />}
          <ChangedSinceMeeting changes={view.changedSinceMeeting} />
          <MissingDeepDives suggestions={view.suggestions} canManage={canManage} />
        </ReviewHeader>
        {running && <MeetingBar view={view} canManage={canManage} />}
        {running && !canManage && <FollowAlong />}
        <ScrollToCurrent elementId={currentId ? `agenda-${currentId}` : null} />

        {view.items.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-slate-600">
            Nothing on the agenda: no incidents, overdue action items or pending postmortems for this week.
          </p>
        ) : editing ? (
          <ReorderableAgenda
            week={view.week}
            entries={view.items.map((item) => ({
              handle: item.handle,
              key: item.key,
              title: item.title,
              card: <AgendaItemCard item={item} context={context} />,
            }))}
          />
        ) : (
          <ol aria-label="Agenda" className="space-y-4">
            {view.items.map((item) => (
              <li key={item.handle} id={`agenda-${item.handle}`} className="scroll-mt-24">
                <AgendaItemCard item={item} context={context} />
              </li>
            ))}
          </ol>
        )}

        {editing && (
          <div className="grid gap-6 lg:grid-cols-2 print:hidden">
            <Panel title="Add an item" note="Added at the end of the agenda; move it where it belongs." named>
              <AddCustomItemForm week={view.week} presenters={presenters} />
            </Panel>
            <Panel title="Suggested" note="Proposed by the app but not on this agenda: new since it was prepared, or removed." named>
              <SuggestionsPanel week={view.week} suggestions={view.suggestions} />
            </Panel>
          </div>
        )}

        {view.frozen && actionItems.length > 0 && (
          <section aria-labelledby="agreed-in-meeting" className="space-y-2 break-inside-avoid">
            <h2 id="agreed-in-meeting" className="text-xl font-bold">
              Action items agreed in this meeting
            </h2>
            <Card padding="none">
              <MeetingActionItemsTable actionItems={actionItems} caption="Action items agreed in this meeting" />
            </Card>
          </section>
        )}
      </article>
    </ReviewVersionProvider>
  );
}
