import Link from "next/link";
import { columnVisibilityFeature, createColumnHelper, rowSortingFeature, tableFeatures, type ColumnVisibilityState } from "@tanstack/react-table";
import { AiBadge, PolicyViolationBadge, RepeatBadge, SeverityBadge, StatusBadge } from "@/components/ui/badges";
import { LocalTime } from "@/components/ui/local-time";
import { formatCount, formatMinutes } from "@/lib/figure-text";
import { label } from "@/lib/domain/incident-enums";
import { postmortemLabel } from "../list/labels";
import type { IncidentListItem } from "../reads";

type IncidentColumnMeta = {
  /** The column's name in the column picker and the header. */
  label: string;
  /** What the figure means, shown as the header's tooltip. */
  definition?: string;
  numeric?: boolean;
};

// Sorting is the server's (manualSorting): the feature only carries the sort state the URL holds.
export const incidentTableFeatures = tableFeatures({ columnVisibilityFeature, rowSortingFeature, columnMeta: {} as IncidentColumnMeta });

const helper = createColumnHelper<typeof incidentTableFeatures, IncidentListItem>();
const link = "hover:underline";

const REPEAT_DEFINITION = "An earlier incident of the 90 days before it shares a service and the root-cause category";

/** A column always shown, never sorted, whose cell links to the incident. */
function linkedColumn(id: "reference", header: string, className: string) {
  return helper.accessor(id, {
    header,
    enableHiding: false,
    enableSorting: false,
    meta: { label: header },
    cell: (info) => (
      <Link href={`/incidents/${info.row.original.reference}`} className={`${className} ${link}`}>
        {info.getValue()}
      </Link>
    ),
  });
}

/** Ids double as sort keys where sortable: they must match SORT_COLUMNS of list/sort.ts (startedAt, severity). */
export const incidentColumns = helper.columns([
  linkedColumn("reference", "Reference", "whitespace-nowrap font-mono text-xs text-indigo-700"),
  helper.accessor("title", {
    header: "Title",
    enableHiding: false,
    enableSorting: false,
    meta: { label: "Title" },
    cell: ({ row }) => (
      <span className="block min-w-48 sm:min-w-64">
        <Link href={`/incidents/${row.original.reference}`} className={`font-medium ${link}`}>
          {row.original.title}
        </Link>
        {row.original.repeat && (
          <>
            {" "}
            <RepeatBadge title={REPEAT_DEFINITION} />
          </>
        )}
      </span>
    ),
  }),
  helper.accessor("severity", { header: "Severity", meta: { label: "Severity" }, cell: (info) => <SeverityBadge severity={info.getValue()} /> }),
  helper.accessor("status", { header: "Status", enableSorting: false, meta: { label: "Status" }, cell: (info) => <StatusBadge status={info.getValue()} /> }),
  helper.accessor((row) => row.services.join(", "), { id: "services", header: "Services", enableSorting: false, meta: { label: "Services" } }),
  helper.accessor((row) => [...new Set(row.serviceDetails.map((s) => s.team.name))].join(", "), {
    id: "teams",
    header: "Teams",
    enableSorting: false,
    meta: { label: "Teams" },
  }),
  helper.accessor("startedAt", { header: "Started", meta: { label: "Started" }, cell: (info) => <LocalTime iso={info.getValue()} /> }),
  helper.accessor("impactMinutes", {
    header: "Impact",
    enableSorting: false,
    meta: { label: "Impact", numeric: true, definition: "Minutes from impact start to mitigation (or until now while not mitigated)" },
    cell: (info) => formatMinutes(info.getValue()),
  }),
  helper.accessor((row) => row.impact.usersAffected, {
    id: "usersAffected",
    header: "Users affected",
    enableSorting: false,
    meta: { label: "Users affected", numeric: true },
    cell: (info) => formatCount(info.getValue()),
  }),
  helper.accessor("blastRadius", { header: "Blast radius", enableSorting: false, meta: { label: "Blast radius" }, cell: (info) => label(info.getValue()) }),
  helper.accessor((row) => row.rootCause.category, {
    id: "rootCause",
    header: "Root cause",
    enableSorting: false,
    meta: { label: "Root cause" },
    cell: (info) => label(info.getValue()),
  }),
  helper.display({
    id: "change",
    header: "Change",
    enableSorting: false,
    meta: { label: "Change (AI, policy)", definition: "AI involvement in the triggering change, and whether it lacked the sign-off the approval policy asks" },
    cell: ({ row }) => (
      <span className="flex flex-wrap gap-1 whitespace-nowrap">
        <AiBadge involvement={row.original.ai.involvement} />
        {row.original.policyViolation && <PolicyViolationBadge />}
      </span>
    ),
  }),
  helper.accessor("postmortemState", {
    header: "Postmortem",
    enableSorting: false,
    meta: { label: "Postmortem" },
    cell: (info) => postmortemLabel(info.getValue()),
  }),
]);

/** Columns a first-time reader sees; the rest are a click away in the column picker. */
export const DEFAULT_COLUMN_VISIBILITY: ColumnVisibilityState = { teams: false, usersAffected: false, blastRadius: false, rootCause: false };
