import { LocalTime } from "@/components/ui/local-time";
import type { IncidentConflict } from "../edit-form";
import { ACTOR_METHOD_LABELS, enumFieldLabel, incidentFieldLabel } from "../field-labels";
import type { IncidentFormValues } from "../form-values";
import { AuditChangeCells } from "./audit-value";
import { PanelTableHead } from "@/components/ui/panel-table-head";
import { SavedFirstNotice } from "@/components/ui/saved-first";

/** Your own value of a field as you typed or chose it in the form. */
function yourValue(values: IncidentFormValues, field: string): string {
  const value = values[field];
  const text = Array.isArray(value) ? value.join(", ") : enumFieldLabel(field, value ?? "");
  return text.replace(/^(\d{4}-\d{2}-\d{2})T/, "$1 ") || "empty";
}

/**
 * Shown when a save was refused because someone else saved first: what they changed since
 * the version this form opened, beside the user's own values, and a way to re-apply.
 */
export function IncidentConflictPanel({ conflict, values }: { conflict: IncidentConflict; values: IncidentFormValues }) {
  const yours = new Set(conflict.yourFields);
  return (
    <SavedFirstNotice id="incident-conflict" title="Changed by someone else since you opened it">
      <p>
        You opened version {conflict.yourVersion}; the incident is now at version {conflict.currentVersion}. Nothing of yours was saved. These are the changes
        made since, with your own value where you changed the same field:
      </p>
      <table className="w-full text-left">
        <PanelTableHead columns={["Field", "Changed by", "Was", "Now", "Yours"]} tone="text-amber-800" />
        <tbody>
          {conflict.edits.map((edit, index) => (
            <tr key={`${edit.field}-${index}`} className="border-t border-amber-200 align-top">
              <th scope="row" className="py-1 pr-3 font-medium">
                {incidentFieldLabel(edit.field)}
              </th>
              <td className="py-1 pr-3">
                {edit.by} {ACTOR_METHOD_LABELS[edit.via]}, <LocalTime iso={edit.at} />
              </td>
              <AuditChangeCells field={edit.field} from={edit.from} to={edit.to} className="py-1 pr-3" />
              <td className="py-1">
                {yours.has(edit.field) ? <strong>{yourValue(values, edit.field)}</strong> : <span className="text-amber-700">not changed by you</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        {conflict.yourFields.length > 0
          ? `Your changes: ${conflict.yourFields.map(incidentFieldLabel).join(", ")}. Re-applying lays them over version ${conflict.currentVersion}; you check the result before saving.`
          : "You changed nothing yet; re-applying loads the current version."}
      </p>
      <button type="submit" name="intent" value="reapply" className="rounded-md bg-amber-600 px-4 py-2 font-semibold text-white shadow hover:bg-amber-500">
        Re-apply my changes on version {conflict.currentVersion}
      </button>
    </SavedFirstNotice>
  );
}
