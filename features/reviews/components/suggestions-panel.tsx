import { addSuggestedItemAction } from "../actions/add-suggested-item";
import type { ProposedItem } from "../agenda-types";
import { buttonClass } from "@/components/ui/button";
import { KIND_LABEL } from "../kind-labels";
import { StepButton } from "./step-button";

/** Items the app proposes that the stored agenda lacks: new since it was prepared, or removed by a LEAD. */
export function SuggestionsPanel({ week, suggestions }: { week: string; suggestions: ProposedItem[] }) {
  if (suggestions.length === 0) return <p className="text-sm text-slate-500">Every item the app proposes is on the agenda.</p>;
  return (
    <ul className="divide-y divide-slate-100">
      {suggestions.map((s) => (
        <li key={s.key} className="flex flex-wrap items-center justify-between gap-3 py-2">
          <div>
            <p className="font-semibold text-slate-900">{s.title}</p>
            <p className="text-xs text-slate-500">
              {KIND_LABEL[s.kind]} · {s.minutes} min
            </p>
          </div>
          <StepButton
            action={addSuggestedItemAction}
            fields={{ week, key: s.key }}
            withReviewVersion
            label="Add to agenda"
            pendingLabel="Adding…"
            className={buttonClass("secondary", "md")}
          />
        </li>
      ))}
    </ul>
  );
}
