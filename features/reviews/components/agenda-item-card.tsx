import type { AgendaItemView, ReviewView } from "../view";
import { goToAgendaItemAction } from "../actions/go-to-agenda-item";
import { incidentChoicesOf } from "../subjects";
import type { MeetingActionItem } from "../reads/review";
import { buttonClass } from "@/components/ui/button";
import { MeetingActionItemsTable } from "./follow-up-tables";
import { KIND_LABEL } from "../kind-labels";
import { ItemDetail, shownTitle, type WheelState } from "./item-detail";
import { ItemNotesForm } from "./item-notes-form";
import { ItemSettingsForm, type Presenter } from "./item-settings-form";
import { ItemTimer } from "./item-timer";
import { MeetingActionItemForm } from "./meeting-action-item-form";
import { formatClock } from "../review-format";
import { StepButton } from "./step-button";

/** What every card of one review shares. */
export type CardContext = {
  view: ReviewView;
  canManage: boolean;
  presenters: Presenter[];
  today: string;
  serverNow: string;
  actionItems: MeetingActionItem[];
};

// Items recorded before the agenda item was kept are matched by their incident, as they were then.
const agreedOn = (a: MeetingActionItem, item: AgendaItemView) =>
  a.agendaItemId ? a.agendaItemId === item.id : a.incidentReference !== null && item.incidentReferences.includes(a.incidentReference);

/**
 * Only a LEAD spins the wheel, and not once the meeting is over. It rests on its pick when the
 * meeting is over or was spun in it, and for a reader who cannot spin it before the meeting
 * (the agenda names the pick then anyway).
 */
function wheelState(view: ReviewView, canManage: boolean): WheelState {
  const over = view.status === "DONE";
  const spunAt = view.review?.wheelSpunAt ?? null;
  return { maySpin: canManage && !over, spunAt, landed: over || spunAt !== null || (!canManage && view.status !== "IN_PROGRESS") };
}

const timeSpent = (item: AgendaItemView) =>
  item.startedAt && item.finishedAt ? formatClock((Date.parse(item.finishedAt) - Date.parse(item.startedAt)) / 1000) : null;

function RecordedText({ name, text }: { name: string; text: string }) {
  if (!text) return null;
  return (
    <div>
      <h3 className="text-sm font-semibold text-slate-700">{name}</h3>
      <p className="text-base whitespace-pre-wrap text-slate-900">{text}</p>
    </div>
  );
}

/** One agenda item with its facts inline, and what a LEAD may do with it at this stage of the review. */
export function AgendaItemCard({ item, context }: { item: AgendaItemView; context: CardContext }) {
  const { view, canManage } = context;
  const running = view.status === "IN_PROGRESS";
  const current = running && item.id !== null && item.id === view.review?.currentItemId;
  const spent = !current ? timeSpent(item) : null;
  const titleId = `title-${item.handle}`.replace(/[^\w-]/g, "-");
  const takesNotes = canManage && (running || view.status === "DONE");
  const agreedHere = context.actionItems.filter((a) => agreedOn(a, item));
  return (
    <article
      aria-labelledby={titleId}
      aria-current={current ? "step" : undefined}
      className={`space-y-4 rounded-xl border bg-white p-5 shadow-sm break-inside-avoid print:border-slate-400 print:shadow-none ${
        current ? "border-indigo-500 ring-4 ring-indigo-500/70" : "border-slate-200"
      }`}
    >
      <header className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0 flex-1">
          <p className="flex flex-wrap items-center gap-2 text-sm font-semibold text-slate-500">
            <span className="tabular-nums">{item.order}.</span> {KIND_LABEL[item.kind]}
            {current && <span className="rounded bg-indigo-600 px-2 py-0.5 text-xs font-bold tracking-wide text-white uppercase">Now discussing</span>}
            {spent && <span className="rounded bg-slate-100 px-2 py-0.5 text-xs text-slate-700">Discussed: {spent}</span>}
          </p>
          <h2 id={titleId} className="mt-1 text-2xl leading-tight font-bold text-slate-900">
            {shownTitle(item, view.status)}
          </h2>
          <p className="mt-1 text-sm text-slate-600">
            {item.presenter ? (
              <>
                Presenter: <strong className="text-slate-800">{item.presenter.name}</strong>
              </>
            ) : (
              "No presenter"
            )}{" "}
            · Time box: {item.minutes} min
          </p>
        </div>
        <div className="flex flex-col items-end gap-2">
          {current && item.startedAt && <ItemTimer startedAt={item.startedAt} minutes={item.minutes} serverNow={context.serverNow} />}
          {running && canManage && !current && item.id && (
            <StepButton
              action={goToAgendaItemAction}
              fields={{ week: view.week, handle: item.handle }}
              withReviewVersion
              label="Discuss this item"
              className={buttonClass("secondary", "md")}
            />
          )}
        </div>
      </header>
      <ItemDetail detail={item.detail} week={view.week} judgedOn={view.judgedOn} wheel={wheelState(view, canManage)} />
      {canManage && !view.frozen && (
        <ItemSettingsForm
          week={view.week}
          item={{
            handle: item.handle,
            title: item.title,
            kind: item.kind,
            minutes: item.minutes,
            presenterId: item.presenter?.id ?? null,
            version: item.version,
          }}
          presenters={context.presenters}
        />
      )}
      {takesNotes && <ItemNotesForm week={view.week} item={item} />}
      {(item.notes || item.decision) && (
        // The LEAD edits them above; the printed record and everyone else read them as text.
        <div
          className={`${takesNotes ? "hidden print:grid" : "grid"} gap-3 rounded-md bg-amber-50/60 p-3 md:grid-cols-2 print:grid-cols-2 print:bg-transparent print:p-0`}
        >
          <RecordedText name="Notes" text={item.notes} />
          <RecordedText name="Decision" text={item.decision} />
        </div>
      )}
      {agreedHere.length > 0 && (
        <section aria-label={`Action items agreed on “${item.title}”`} className="space-y-1">
          <h3 className="text-sm font-semibold text-slate-700">Action items agreed in the meeting</h3>
          <MeetingActionItemsTable actionItems={agreedHere} caption={`Action items agreed on ${item.title}`} />
        </section>
      )}
      {canManage && running && item.id && (
        <MeetingActionItemForm
          week={view.week}
          itemTitle={item.title}
          handle={item.handle}
          incidents={incidentChoicesOf(item.detail)}
          people={context.presenters}
          today={context.today}
        />
      )}
    </article>
  );
}
