// Small pieces the postmortem and action-item forms share.

export const primaryButton =
  "rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-semibold text-white shadow-sm hover:bg-indigo-500 disabled:opacity-60";
export const secondaryButton =
  "rounded-md border border-slate-300 bg-white px-2.5 py-1 text-xs font-semibold text-slate-700 shadow-sm hover:bg-slate-50 disabled:opacity-40";
export const dangerButton =
  "rounded-md border border-red-200 bg-white px-2.5 py-1 text-xs font-semibold text-red-700 shadow-sm hover:bg-red-50 disabled:opacity-40";

/** The outcome of a form's last submission: a polite status on success, an alert on failure. */
export function FormMessage({ state, id }: { state: { ok?: string; error?: string }; id?: string }) {
  if (state.error) {
    return (
      <p id={id} role="alert" className="text-sm text-red-700">
        {state.error}
      </p>
    );
  }
  if (state.ok) {
    return (
      <p id={id} role="status" className="text-sm text-emerald-700">
        {state.ok}
      </p>
    );
  }
  return null;
}
