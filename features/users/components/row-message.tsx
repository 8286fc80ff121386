/** The outcome of a row's last action: a polite status on success, an alert on failure. */
export function RowMessage({ id, state }: { id: string; state: { ok?: string; error?: string } }) {
  if (state.error) {
    return (
      <p id={id} role="alert" className="max-w-xs text-xs text-red-700">
        {state.error}
      </p>
    );
  }
  if (state.ok) {
    return (
      <p id={id} role="status" className="max-w-xs text-xs text-emerald-700">
        {state.ok}
      </p>
    );
  }
  return null;
}
