import { label } from "@/lib/domain/incident-enums";

const severityStyle: Record<string, string> = {
  SEV1: "bg-red-100 text-red-800 ring-red-300",
  SEV2: "bg-amber-100 text-amber-900 ring-amber-300",
};
const statusStyle: Record<string, string> = {
  INVESTIGATING: "bg-rose-50 text-rose-800 ring-rose-200",
  MITIGATED: "bg-sky-50 text-sky-800 ring-sky-200",
  RESOLVED: "bg-emerald-50 text-emerald-800 ring-emerald-200",
};
const base = "inline-flex items-center rounded px-2 py-0.5 text-xs font-semibold ring-1 ring-inset";

export const SeverityBadge = ({ severity }: { severity: string }) => <span className={`${base} ${severityStyle[severity] ?? ""}`}>{label(severity)}</span>;
export const StatusBadge = ({ status }: { status: string }) => <span className={`${base} ${statusStyle[status] ?? ""}`}>{label(status)}</span>;
export const AiBadge = ({ involvement }: { involvement: string }) =>
  involvement === "NONE" ? null : <span className={`${base} bg-violet-50 text-violet-800 ring-violet-200`}>{label(involvement)}</span>;
/** A change (or its incident) that lacked the sign-off the approval policy asks; `text` words it for the page. */
export const PolicyViolationBadge = ({ title, text = "Policy violation" }: { title?: string; text?: string }) => (
  <span title={title} className={`${base} bg-red-600 text-white ring-red-700`}>
    {text}
  </span>
);
/** Commit trailers show AI involvement the author declared as none. */
export const UndeclaredAiBadge = ({ title }: { title?: string }) => (
  <span title={title} className={`${base} bg-amber-100 text-amber-900 ring-amber-400`}>
    Undeclared AI
  </span>
);
/** An incident with at least one repeat: an earlier incident of the kind the learning loop's rule names. */
export const RepeatBadge = ({ title }: { title?: string }) => (
  <span title={title} className={`${base} bg-indigo-50 text-indigo-800 ring-indigo-300`}>
    Repeat
  </span>
);
