import { NowAndYoursTable, SavedBy, SavedFirstNotice } from "@/components/ui/saved-first";
import type { SettingsChange } from "../reads";
import type { SettingsFormValues } from "../form-values";
import { describeSetting, SETTINGS_FORM_FIELDS } from "@/features/settings/setting-text";

/** Shown when someone saved first: who and when, and their values beside the user's own, which the form kept. */
export function SettingsConflict(props: { change: SettingsChange | null; current: SettingsFormValues; yours: SettingsFormValues }) {
  const rows = SETTINGS_FORM_FIELDS.map(({ field, label }) => ({
    name: label,
    now: describeSetting(props.current, field),
    yours: describeSetting(props.yours, field),
  }));
  const differing = rows.filter((row) => row.now !== row.yours);
  return (
    <SavedFirstNotice id="settings-conflict" title="Changed by someone else since you opened this page">
      <p>
        <SavedBy by={props.change?.by} at={props.change?.at ?? null} /> Nothing of yours was saved.
      </p>
      {differing.length === 0 ? (
        <p>Their settings are the same as your values.</p>
      ) : (
        <NowAndYoursTable caption="Current settings beside your values" rows={differing} />
      )}
    </SavedFirstNotice>
  );
}
