"use client";

import { useTable } from "@tanstack/react-table";
import { HeaderCell, TableHead } from "@/components/ui/table";
import type { ChangeListItem } from "../reads";
import { changeColumns, changeTableFeatures } from "./change-table-columns";
import { cardClass } from "@/components/ui/card";

/**
 * The change list as a TanStack table: the server filtered and paged the rows. Wide screens
 * get the table; narrow ones the same cells as one card per change, so nothing scrolls sideways.
 */
export function ChangeTable({ items }: { items: ChangeListItem[] }) {
  const table = useTable({ features: changeTableFeatures, columns: changeColumns, data: items, getRowId: (row) => row.id });
  const rows = table.getRowModel().rows;
  return (
    <>
      <div className={cardClass("none", "hidden md:block")}>
        <table className="w-full table-fixed text-sm">
          <caption className="sr-only">Changes matching the filters, newest deploy first</caption>
          <colgroup>
            <col className="w-[11%]" />
            <col className="w-[11%]" />
            <col className="w-[25%]" />
            <col className="w-[18%]" />
            <col className="w-[18%]" />
            <col className="w-[17%]" />
          </colgroup>
          <TableHead>
            {table
              .getHeaderGroups()
              .flatMap((group) => group.headers)
              .map((header) => (
                <HeaderCell key={header.id} title={header.column.columnDef.meta?.definition}>
                  <table.FlexRender header={header} />
                </HeaderCell>
              ))}
          </TableHead>
          <tbody className="divide-y divide-slate-100 align-top">
            {rows.map((row) => (
              <tr key={row.id} className="hover:bg-slate-50">
                {row.getAllCells().map((cell) => (
                  <td key={cell.id} className="px-3 py-2">
                    <table.FlexRender cell={cell} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul aria-label="Changes" className="space-y-3 md:hidden">
        {rows.map((row) => (
          <li key={row.id} className={cardClass("sm", "text-sm")}>
            <dl className="grid grid-cols-[7rem_minmax(0,1fr)] gap-x-3 gap-y-2">
              {row.getAllCells().map((cell) => (
                <div key={cell.id} className="contents">
                  <dt className="text-xs font-semibold uppercase tracking-wide text-slate-500">{cell.column.columnDef.meta?.label}</dt>
                  <dd className="min-w-0">
                    <table.FlexRender cell={cell} />
                  </dd>
                </div>
              ))}
            </dl>
          </li>
        ))}
      </ul>
    </>
  );
}
