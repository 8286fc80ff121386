import { Markdown } from "@/components/markdown";
import type { SchemaRow } from "../schema-view";

/** A schema's fields as a list that reads at any width: name and type, then what it means. */
export function SchemaFields({ rows, label }: { rows: SchemaRow[]; label: string }) {
  if (rows.length === 0) return null;
  return (
    <ul aria-label={label} className="divide-y divide-slate-100 rounded-md border border-slate-200">
      {rows.map((row) => (
        <li key={row.name} className="space-y-1 px-3 py-2">
          <p className="flex flex-wrap items-baseline gap-x-2 gap-y-1">
            <code className="font-mono text-sm font-semibold break-all text-slate-900">{row.name}</code>
            <span className="font-mono text-xs text-slate-600">{row.type}</span>
            {row.required && <span className="text-xs font-semibold text-red-700">required</span>}
          </p>
          {row.description && <Markdown text={row.description} className="text-slate-700" />}
          {row.rules.length > 0 && <p className="text-xs break-words text-slate-600">{row.rules.join(" · ")}</p>}
        </li>
      ))}
    </ul>
  );
}

export function Example({ json, label }: { json: string; label: string }) {
  return (
    <figure className="space-y-1">
      <figcaption className="text-xs font-semibold text-slate-600">{label}</figcaption>
      <pre className="max-h-96 overflow-auto rounded-md bg-slate-900 p-3 font-mono text-xs leading-relaxed text-slate-100">
        <code>{json}</code>
      </pre>
    </figure>
  );
}
