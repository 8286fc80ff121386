import { PanelTableHead } from "@/features/incidents/components/panel-table-head";
import { LocalTime } from "@/components/ui/local-time";
import type { SettingsChange } from "../reads";
import type { SettingsFormValues } from "../form-values";
import { describeSetting, SETTINGS_FORM_FIELDS } from "@/features/settings/setting-text";

/** Shown when someone saved first: who and when, and their values beside the user's own, which the form kept. */
export function SettingsConflict(props: { change: SettingsChange | null; current: SettingsFormValues; yours: SettingsFormValues }) {
  const differing = SETTINGS_FORM_FIELDS.filter(({ field }) => describeSetting(props.current, field) !== describeSetting(props.yours, field));
  return (
    <section aria-labelledby="settings-conflict" className="space-y-3 rounded-lg border border-amber-300 bg-amber-50 p-5 text-sm text-amber-950">
      <h2 id="settings-conflict" className="text-base font-semibold">
        Changed by someone else since you opened this page
      </h2>
      <p>
        {props.change ? (
          <>
            Saved by <strong>{props.change.by}</strong> at <LocalTime iso={props.change.at} />.
          </>
        ) : (
          "Saved by someone else."
        )}{" "}
        Nothing of yours was saved.
      </p>
      {differing.length === 0 ? (
        <p>Their settings are the same as your values.</p>
      ) : (
        <table className="w-full text-left">
          <caption className="sr-only">Current settings beside your values</caption>
          <PanelTableHead columns={["Setting", "Now", "Yours"]} tone="text-amber-800" />
          <tbody>
            {differing.map(({ field, label }) => (
              <tr key={field} className="border-t border-amber-200 align-top">
                <th scope="row" className="py-1 pr-3 font-medium">
                  {label}
                </th>
                <td className="py-1 pr-3">{describeSetting(props.current, field)}</td>
                <td className="py-1 font-semibold">{describeSetting(props.yours, field)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
