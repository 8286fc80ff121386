/**
 * The outcome of a form's last submission: a refusal as an alert (read out at once), a
 * success as a polite status. `quiet` leaves successes unsaid where the page itself shows them.
 */
export function FormMessage(props: { state: { ok?: string; error?: string } | undefined; id?: string; size?: "sm" | "xs"; quiet?: boolean }) {
  const { state, id, size = "sm", quiet = false } = props;
  const text = size === "xs" ? "max-w-xs text-xs" : "text-sm";
  if (state?.error) {
    return (
      <p id={id} role="alert" className={`${text} font-medium text-red-700`}>
        {state.error}
      </p>
    );
  }
  if (state?.ok && !quiet) {
    return (
      <p id={id} role="status" className={`${text} text-emerald-700`}>
        {state.ok}
      </p>
    );
  }
  return null;
}
