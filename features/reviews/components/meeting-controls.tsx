import { finishReviewMeetingAction } from "../actions/finish-review-meeting";
import { goToAgendaItemAction } from "../actions/go-to-agenda-item";
import { markReviewPreparedAction } from "../actions/mark-review-prepared";
import { startReviewMeetingAction } from "../actions/start-review-meeting";
import { earlyStartWarning } from "../schedule";
import type { ReviewView } from "../view";
import { buttonClass } from "@/components/ui/button";
import { shownTitle } from "./item-detail";
import { StepButton } from "./step-button";

/** Preparing: mark prepared, start the meeting (asking plainly before the week has ended). */
export function PreparationControls({ view }: { view: ReviewView }) {
  const fields = { week: view.week };
  return (
    <div className="flex flex-wrap items-start gap-3 print:hidden">
      {view.status === "NOT_PREPARED" && (
        <StepButton action={markReviewPreparedAction} fields={fields} withReviewVersion label="Mark prepared" className={buttonClass("secondary", "md")} />
      )}
      <StepButton
        action={startReviewMeetingAction}
        fields={fields}
        confirmedField={view.weekEnded ? undefined : "startBeforeWeekEnds"}
        withReviewVersion
        label="Start meeting"
        pendingLabel="Starting…"
        confirm={
          view.weekEnded
            ? "Start the meeting now? The agenda and every figure on it will be frozen as they stand."
            : `${earlyStartWarning(view.week)} Start anyway?`
        }
        className={buttonClass("primary", "md")}
        disabled={view.items.length === 0}
      />
    </div>
  );
}

/** The bar that stays on screen while the meeting runs: where it is, and (for a LEAD) the way on. */
export function MeetingBar({ view, canManage }: { view: ReviewView; canManage: boolean }) {
  const index = view.items.findIndex((i) => i.id === view.review?.currentItemId);
  const current = view.items[index];
  const fields = { week: view.week };
  const previous = view.items[index - 1];
  const next = view.items[index + 1];
  const steps = [
    ["Previous item", previous, "secondary"],
    ["Next item", next, "primary"],
  ] as const;
  return (
    <div className="sticky top-0 z-20 -mx-2 flex flex-wrap items-center justify-between gap-3 rounded-b-lg border-b-2 border-indigo-500 bg-white/95 px-4 py-3 shadow-md backdrop-blur lg:flex-nowrap print:hidden">
      <p className="min-w-0 truncate text-lg">
        <span className="font-semibold text-indigo-700">Now discussing</span>{" "}
        {current ? (
          <a href={`#agenda-${current.handle}`} className="font-bold text-slate-900 hover:underline">
            {current.order}. {shownTitle(current, view.status)}
          </a>
        ) : (
          "—"
        )}{" "}
        <span className="text-sm text-slate-500">
          ({index + 1} of {view.items.length})
        </span>
      </p>
      {canManage && (
        <div className="flex shrink-0 flex-wrap items-start gap-2">
          {steps.map(([label, target, variant]) => (
            <StepButton
              key={label}
              action={goToAgendaItemAction}
              fields={{ ...fields, handle: target?.handle ?? "" }}
              withReviewVersion
              label={label}
              className={buttonClass(variant, "lg")}
              disabled={!target}
            />
          ))}
          <StepButton
            action={finishReviewMeetingAction}
            fields={fields}
            withReviewVersion
            label="Finish meeting"
            pendingLabel="Finishing…"
            confirm="Finish the meeting? Notes and decisions can still be corrected afterwards."
            className={buttonClass("danger", "lg")}
          />
        </div>
      )}
    </div>
  );
}
