import Link from "next/link";
import { createColumnHelper, tableFeatures } from "@tanstack/react-table";
import { PolicyViolationBadge, SeverityBadge, UndeclaredAiBadge } from "@/components/ui/badges";
import { LocalTime } from "@/components/ui/local-time";
import type { ChangeListItem } from "../reads";
import { aiInvolvementWords, authorLevelWords, policyVerdict, signOffWords } from "../words";

type ChangeColumnMeta = {
  /** The column's name in the header, and beside each value on a narrow screen. */
  label: string;
  /** What the column means, shown as the header's tooltip. */
  definition?: string;
};

export const changeTableFeatures = tableFeatures({ columnMeta: {} as ChangeColumnMeta });

const helper = createColumnHelper<typeof changeTableFeatures, ChangeListItem>();
const UNDECLARED = "The commit trailers show AI involvement; the author declared none.";

function ChangeName({ change }: { change: ChangeListItem }) {
  // A reference is often a long URL: it wraps anywhere rather than widen the row.
  const reference = <span className="font-mono text-xs [overflow-wrap:anywhere]">{change.reference}</span>;
  return (
    <div className="min-w-0 space-y-0.5">
      {change.title && <p className="font-medium [overflow-wrap:anywhere]">{change.title}</p>}
      {change.url ? (
        <a href={change.url} rel="noreferrer" className="block text-indigo-700 hover:underline">
          {reference}
        </a>
      ) : (
        <p className="text-slate-600">{reference}</p>
      )}
    </div>
  );
}

export const changeColumns = helper.columns([
  helper.accessor("deployedAt", { header: "Deployed", meta: { label: "Deployed" }, cell: (info) => <LocalTime iso={info.getValue()} /> }),
  helper.accessor((row) => row.serviceDetails.name, {
    id: "service",
    header: "Service",
    meta: { label: "Service" },
    cell: ({ row }) => (
      <span>
        {row.original.serviceDetails.name} <span className="block text-xs text-slate-500">{row.original.serviceDetails.team.name}</span>
      </span>
    ),
  }),
  helper.display({ id: "change", header: "Change", meta: { label: "Change" }, cell: ({ row }) => <ChangeName change={row.original} /> }),
  helper.display({
    id: "signOff",
    header: "Author and sign-off",
    meta: {
      label: "Author and sign-off",
      definition:
        "The author's level, the highest sign-off the change had, and whether that is the sign-off the approval policy asks of its AI involvement (the stronger of declared and detected)",
    },
    cell: ({ row }) => {
      const verdict = policyVerdict(row.original);
      return (
        <div className="space-y-1">
          <p>
            {authorLevelWords(row.original.change.authorLevel)}
            <span className="block text-slate-600">{signOffWords(row.original.change.approval)}</span>
          </p>
          {verdict.violation ? (
            <PolicyViolationBadge text={verdict.short} title={verdict.sentence} />
          ) : (
            row.original.ai.effective !== "NONE" && (
              <p title={verdict.sentence} className="text-xs text-slate-500">
                {verdict.short}
              </p>
            )
          )}
        </div>
      );
    },
  }),
  helper.display({
    id: "ai",
    header: "AI involvement",
    meta: { label: "AI involvement", definition: "What the author declared, and what the commit trailers (Co-authored-by, Assisted-by, Generated-by) show" },
    cell: ({ row }) => {
      const words = aiInvolvementWords(row.original.ai);
      return (
        <div className="space-y-0.5">
          <p>
            <span className="text-slate-500">Declared:</span> {words.declared}
          </p>
          <p>
            <span className="text-slate-500">Trailers:</span> {words.detected}
          </p>
          {row.original.ai.mismatch && <UndeclaredAiBadge title={UNDECLARED} />}
        </div>
      );
    },
  }),
  helper.display({
    id: "incidents",
    header: "Incidents",
    meta: { label: "Incidents", definition: "The Sev1 and Sev2 incidents that name this change as their trigger" },
    cell: ({ row }) =>
      row.original.incidents.length === 0 ? (
        <span className="text-slate-500">—</span>
      ) : (
        <ul className="space-y-1">
          {row.original.incidents.map((incident) => (
            <li key={incident.reference} className="flex flex-wrap items-center gap-1.5">
              <SeverityBadge severity={incident.severity} />
              <Link href={`/incidents/${incident.reference}`} title={incident.title} className="font-mono text-xs text-indigo-700 hover:underline">
                {incident.reference}
              </Link>
            </li>
          ))}
        </ul>
      ),
  }),
]);
