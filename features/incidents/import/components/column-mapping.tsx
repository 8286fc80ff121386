"use client";

import { SelectOptions } from "@/components/ui/select-options";
import { IMPORT_FIELDS, isImportField, type ImportField } from "../fields";

const FIELD_OPTIONS = IMPORT_FIELDS.map(({ field, label, required }) => ({ value: field, label: required ? `${label} (required)` : label }));
const labelOf = (field: ImportField) => IMPORT_FIELDS.find((f) => f.field === field)?.label ?? field;
const selectIdOf = (column: number) => `import-column-${column}`;

/** The file's columns, each with a select of the field it fills ("Ignore" leaves it out); what is missing or doubled is said above. */
export function ColumnMapping(props: {
  headers: string[];
  fields: (ImportField | null)[];
  onChange: (column: number, field: ImportField | null) => void;
  describedBy?: string;
  disabled?: boolean;
}) {
  const { headers, fields } = props;
  const missing = IMPORT_FIELDS.filter(({ field, required }) => required && !fields.includes(field)).map(({ label }) => label);
  const named = [...new Set(headers.filter((header, i) => headers.indexOf(header) !== i))];
  const doubled = [...new Set(fields.filter((field, i): field is ImportField => field !== null && fields.indexOf(field) !== i))];
  const notices = [
    ...(missing.length === 0
      ? []
      : [
          missing.length === 1
            ? `No column fills the required field ${missing[0]}. Choose a column for it, or the check will report it.`
            : `No column fills these required fields: ${missing.join(", ")}. Choose a column for each, or the check will report them.`,
        ]),
    ...named.map((header) => `More than one column is named “${header}”: the import cannot tell them apart. Rename them in the file and choose it again.`),
    ...doubled.map((field) => `${labelOf(field)} is chosen for more than one column: ${headers.filter((_, i) => fields[i] === field).join(", ")}. Keep one.`),
  ];
  return (
    <div className="space-y-3">
      {notices.map((notice) => (
        <p key={notice} role="status" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 [overflow-wrap:anywhere]">
          {notice}
        </p>
      ))}
      {/* A list rather than a table: on a phone each column's name sits above its select, at full width. */}
      <section aria-label="Columns of the file" className="rounded-lg border border-slate-200 bg-white shadow-sm">
        <div
          aria-hidden="true"
          className="hidden grid-cols-2 gap-4 rounded-t-lg bg-slate-50 px-3 py-2 text-xs font-semibold uppercase tracking-wide text-slate-600 sm:grid"
        >
          <span>Column in the file</span>
          <span>Fills</span>
        </div>
        <ul className="divide-y divide-slate-100">
          {headers.map((header, column) => (
            <li key={column} className="grid gap-1 px-3 py-2 sm:grid-cols-2 sm:items-center sm:gap-4">
              <label htmlFor={selectIdOf(column)} className="text-sm font-medium text-slate-800 [overflow-wrap:anywhere]">
                {header.trim() === "" ? `Column ${column + 1} (no name)` : header}
              </label>
              <select
                id={selectIdOf(column)}
                value={fields[column] ?? ""}
                onChange={(event) => props.onChange(column, isImportField(event.target.value) ? event.target.value : null)}
                aria-describedby={props.describedBy}
                disabled={props.disabled}
                className="block w-full min-w-0 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm shadow-sm"
              >
                <SelectOptions empty="Ignore" options={FIELD_OPTIONS} />
              </select>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
