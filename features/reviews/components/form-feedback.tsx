import type { ReviewFormState } from "../action-state";

/** The answer of the last submit: a refusal as an alert, a success as a quiet status. */
export function FormFeedback({ state, quiet = false }: { state: ReviewFormState | undefined; quiet?: boolean }) {
  if (state?.error) {
    return (
      <p role="alert" className="text-sm font-medium text-red-700">
        {state.error}
      </p>
    );
  }
  if (state?.ok && !quiet) {
    return (
      <p role="status" className="text-sm text-emerald-700">
        {state.ok}
      </p>
    );
  }
  return null;
}

export const primaryButton =
  "rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-semibold text-white shadow-sm hover:bg-indigo-500 disabled:opacity-60";
export const secondaryButton =
  "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-semibold text-slate-800 shadow-sm hover:bg-slate-50 disabled:opacity-50";
export const dangerButton =
  "rounded-md border border-red-300 bg-white px-3 py-1.5 text-sm font-semibold text-red-700 shadow-sm hover:bg-red-50 disabled:opacity-50";
