"use client";

import Link from "next/link";
import { functionalUpdate, useTable, type Column, type SortingState } from "@tanstack/react-table";
import { useMemo } from "react";
import { HeaderCell, TableBox, TableHead } from "@/components/ui/table";
import type { IncidentListParams } from "../list/params";
import { FIRST_DIRECTION, SORT_COLUMNS, type SortColumn } from "../list/sort";
import { listHref } from "../list/url";
import type { IncidentListItem } from "../reads";
import { DEFAULT_COLUMN_VISIBILITY, incidentColumns, incidentTableFeatures } from "./incident-table-columns";
import { useStoredColumnVisibility } from "@/features/incidents/list/stored-column-visibility";

type IncidentColumn = Column<typeof incidentTableFeatures, IncidentListItem, unknown>;
const isSortColumn = (id: string): id is SortColumn => (SORT_COLUMNS as readonly string[]).includes(id);

/**
 * The incident list as a TanStack table. The server filtered, sorted and paged the rows
 * (manualSorting): the table owns column visibility and renders the sort the URL holds;
 * a sortable header is a link to the same view in the other order.
 */
export function IncidentTable({ items, params }: { items: IncidentListItem[]; params: IncidentListParams }) {
  const [columnVisibility, setColumnVisibility] = useStoredColumnVisibility(DEFAULT_COLUMN_VISIBILITY);
  const sorting: SortingState = useMemo(() => [{ id: params.sort.column, desc: params.sort.direction === "desc" }], [params.sort]);
  const table = useTable({
    features: incidentTableFeatures,
    columns: incidentColumns,
    data: items,
    getRowId: (row) => row.id,
    manualSorting: true,
    enableMultiSort: false,
    state: { sorting, columnVisibility },
    onColumnVisibilityChange: (updater) => setColumnVisibility(functionalUpdate(updater, columnVisibility)),
  });

  const sortHref = (column: IncidentColumn) => {
    const id = column.id as SortColumn;
    const current = column.getIsSorted();
    const direction = current ? (current === "asc" ? "desc" : "asc") : FIRST_DIRECTION[id];
    // A new order starts from its first page: a cursor belongs to the order it was made in.
    return listHref("/incidents", { filters: params.filters, sort: { column: id, direction }, pageSize: params.pageSize });
  };

  return (
    <div className="space-y-2">
      <details className="relative w-fit text-sm">
        <summary className="cursor-pointer rounded border border-slate-300 bg-white px-3 py-1 font-medium">Columns</summary>
        <fieldset className="absolute z-10 mt-1 grid w-56 gap-1 rounded border border-slate-200 bg-white p-3 shadow-lg">
          <legend className="sr-only">Columns to show</legend>
          {table
            .getAllLeafColumns()
            .filter((column) => column.getCanHide())
            .map((column) => (
              <label key={column.id} className="flex items-center gap-2">
                <input type="checkbox" checked={column.getIsVisible()} onChange={(event) => column.toggleVisibility(event.target.checked)} />
                {column.columnDef.meta?.label ?? column.id}
              </label>
            ))}
        </fieldset>
      </details>
      <TableBox>
        <table className="min-w-full text-sm">
          <caption className="sr-only">Incidents matching the filters</caption>
          <TableHead>
            {table
              .getHeaderGroups()
              .flatMap((group) => group.headers)
              .map((header) => {
                const sorted = header.column.getIsSorted();
                const meta = header.column.columnDef.meta;
                return (
                  <HeaderCell
                    key={header.id}
                    title={meta?.definition}
                    aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}
                    align={meta?.numeric ? "right" : "left"}
                    className="whitespace-nowrap"
                  >
                    {header.column.getCanSort() && isSortColumn(header.column.id) ? (
                      <Link href={sortHref(header.column)} className="inline-flex items-center gap-1 hover:text-slate-900">
                        <table.FlexRender header={header} />
                        <span aria-hidden="true">{sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : "↕"}</span>
                      </Link>
                    ) : (
                      <table.FlexRender header={header} />
                    )}
                  </HeaderCell>
                );
              })}
          </TableHead>
          <tbody className="divide-y divide-slate-100">
            {table.getRowModel().rows.map((row) => (
              <tr key={row.id} className="hover:bg-slate-50">
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id} className={`px-3 py-2 ${cell.column.columnDef.meta?.numeric ? "whitespace-nowrap text-right tabular-nums" : ""}`}>
                    <table.FlexRender cell={cell} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableBox>
    </div>
  );
}
