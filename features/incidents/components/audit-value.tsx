import { LocalTime } from "@/components/ui/local-time";
import type { AuditValue } from "@/features/incidents/audit-snapshot";
import { ENUM_FIELD_LABELS, enumFieldLabel, INSTANT_FIELDS } from "../field-labels";

const LONG_TEXT = 160;

/** A field's value from the audit trail as people read it: times in their zone, enum labels. */
export function AuditValueText({ field, value }: { field: string; value: AuditValue }) {
  if (value === null || value === "" || (Array.isArray(value) && value.length === 0)) return <span className="text-slate-400">empty</span>;
  if (typeof value === "string" && INSTANT_FIELDS.has(field)) return <LocalTime iso={value} />;
  if (typeof value === "string" && Object.hasOwn(ENUM_FIELD_LABELS, field)) return <span>{enumFieldLabel(field, value)}</span>;
  if (typeof value === "boolean") return <span>{value ? "Yes" : "No"}</span>;
  if (typeof value === "number") return <span className="tabular-nums">{value.toLocaleString("en-US")}</span>;
  const text = Array.isArray(value) ? value.join(", ") : value;
  // Markdown fields can be long: the history shows their start, the full text on hover.
  if (text.length > LONG_TEXT) return <span title={text} className="whitespace-pre-wrap">{`${text.slice(0, LONG_TEXT)}…`}</span>;
  return <span className="whitespace-pre-wrap">{text}</span>;
}

/** The two cells of a field's change, from and to; `last` styles the "to" cell when it ends the row. */
export function AuditChangeCells(props: { field: string; from: AuditValue; to: AuditValue; className: string; last?: string }) {
  return (
    <>
      <td className={props.className}>
        <AuditValueText field={props.field} value={props.from} />
      </td>
      <td className={props.last ?? props.className}>
        <AuditValueText field={props.field} value={props.to} />
      </td>
    </>
  );
}
