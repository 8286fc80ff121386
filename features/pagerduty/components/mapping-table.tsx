"use client";

import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { fieldIdOf, inputClass } from "@/components/ui/field";
import { SelectOptions } from "@/components/ui/select-options";
import type { FieldErrors } from "@/lib/validation";

/** A column of the table: a text box, or a choice among options. */
export type MappingColumn = {
  /** The form key each row posts this column under. */
  name: string;
  header: string;
  choices?: { empty: string; options: { value: string; label: string }[] };
  mono?: boolean;
};

type Row = { key: number; cells: [string, string] };

/**
 * A table of id → value rows that can be added to, changed and removed. Each row posts its two
 * cells under the columns' names, in order; a row's errors are filed under `<field>.<id>`.
 */
export function MappingTable(props: {
  field: string;
  legend: string;
  hint: string;
  columns: [MappingColumn, MappingColumn];
  rows: [string, string][];
  newRow: [string, string];
  addLabel: string;
  errors: FieldErrors;
  errorLabel: (id: string) => string;
}) {
  const next = useRef(props.rows.length);
  const [rows, setRows] = useState<Row[]>(() => props.rows.map((cells, key) => ({ key, cells })));
  const update = (key: number, index: 0 | 1, value: string) =>
    setRows((current) =>
      current.map((row) => (row.key === key ? { key, cells: (index === 0 ? [value, row.cells[1]] : [row.cells[0], value]) as [string, string] } : row)),
    );
  const add = () => setRows((current) => [...current, { key: next.current++, cells: props.newRow }]);
  const remove = (key: number) => setRows((current) => current.filter((row) => row.key !== key));
  const ids = new Set(rows.map((row) => `${props.field}.${row.cells[0].trim()}`));
  // Errors of a row no longer in the table (its id was edited since) are shown under the table.
  const tableErrors = Object.entries(props.errors).flatMap(([key, messages]) => {
    if (key === props.field) return messages;
    return key.startsWith(`${props.field}.`) && !ids.has(key)
      ? messages.map((message) => `${props.errorLabel(key.slice(props.field.length + 1))} ${message}`)
      : [];
  });
  const legendId = `${fieldIdOf(props.field)}-legend`;
  const [first, second] = props.columns;
  return (
    <fieldset aria-labelledby={legendId} aria-describedby={`${fieldIdOf(props.field)}-hint`} className="space-y-2">
      <legend id={legendId} className="text-sm font-medium text-slate-800">
        {props.legend}
      </legend>
      <p id={`${fieldIdOf(props.field)}-hint`} className="text-xs text-slate-500">
        {props.hint}
      </p>
      {rows.length > 0 && (
        <div
          aria-hidden
          className="hidden grid-cols-[minmax(0,1fr)_minmax(0,1fr)_5rem] gap-2 text-xs font-semibold uppercase tracking-wide text-slate-600 sm:grid"
        >
          <span>{first.header}</span>
          <span>{second.header}</span>
        </div>
      )}
      <ul className="space-y-3 sm:space-y-2">
        {rows.map((row, index) => {
          const id = row.cells[0].trim();
          const rowErrors = id ? (props.errors[`${props.field}.${id}`] ?? []) : [];
          const errorId = `${fieldIdOf(props.field)}-row-${row.key}-error`;
          const aria = { "aria-describedby": rowErrors.length ? errorId : undefined, "aria-invalid": rowErrors.length ? true : undefined };
          return (
            <li key={row.key} className="grid grid-cols-[minmax(0,1fr)_minmax(0,1fr)] gap-2 sm:grid-cols-[minmax(0,1fr)_minmax(0,1fr)_5rem] sm:items-start">
              {props.columns.map((column, cell) => {
                const label = `${column.header}, row ${index + 1}`;
                const value = row.cells[cell]!;
                const change = (text: string) => update(row.key, cell as 0 | 1, text);
                const className = `${inputClass} !mt-0${column.mono ? " font-mono" : ""}`;
                return column.choices ? (
                  <select
                    key={column.name}
                    name={column.name}
                    aria-label={label}
                    value={value}
                    onChange={(e) => change(e.target.value)}
                    className={className}
                    {...aria}
                  >
                    <SelectOptions empty={column.choices.empty} options={column.choices.options} />
                  </select>
                ) : (
                  <input
                    key={column.name}
                    name={column.name}
                    aria-label={label}
                    value={value}
                    onChange={(e) => change(e.target.value)}
                    autoComplete="off"
                    className={className}
                    {...aria}
                  />
                );
              })}
              <Button
                variant="secondary"
                size="md"
                className="col-span-2 justify-self-start sm:col-span-1 sm:justify-self-stretch"
                onClick={() => remove(row.key)}
                aria-label={`Remove row ${index + 1}`}
              >
                Remove
              </Button>
              {rowErrors.length > 0 && (
                <p id={errorId} role="alert" className="col-span-full text-sm text-red-700">
                  {props.errorLabel(id)}: {rowErrors.join("; ")}
                </p>
              )}
            </li>
          );
        })}
      </ul>
      {rows.length === 0 && <p className="text-sm text-slate-500">No rows.</p>}
      {tableErrors.length > 0 && (
        <p role="alert" className="text-sm text-red-700">
          {props.legend}: {tableErrors.join("; ")}
        </p>
      )}
      <Button variant="secondary" size="sm" onClick={add}>
        {props.addLabel}
      </Button>
    </fieldset>
  );
}
