"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { updateSettingsAction, type UpdateSettingsState } from "../actions/update-settings";
import type { SettingsFormValues } from "../form-values";
import { ApprovalPolicyFieldset } from "./approval-policy-fieldset";
import { SettingsConflict } from "./settings-conflict";
import { WEEKDAYS } from "@/features/settings/setting-text";

/** A number field; `inputName` is the form key where it differs from the name its errors are filed under. */
function NumberField(props: {
  name: string;
  inputName?: string;
  label: string;
  hint: string;
  errors?: string[];
  bounds: { min: number; max: number; step: number | "any" };
  value: string;
}) {
  return (
    <Field name={props.name} label={props.label} hint={props.hint} errors={props.errors}>
      {(aria) => <input {...aria} name={props.inputName ?? props.name} type="number" {...props.bounds} defaultValue={props.value} className={inputClass} />}
    </Field>
  );
}

const initialState: UpdateSettingsState = {};

/** The organisation settings, saved at the version the page was opened. */
export function SettingsForm(props: { values: SettingsFormValues; version: number; timeZones: string[] }) {
  const [state, formAction, pending] = useActionState(updateSettingsAction, initialState);
  const values = state.values ?? props.values;
  const version = state.version ?? props.version;
  const errors = state.fieldErrors ?? {};
  return (
    <form action={formAction} key={`${version}|${JSON.stringify(values)}`} className="space-y-6" noValidate>
      <input type="hidden" name="version" value={version} />
      <FormMessage state={state} />
      {state.conflict && <SettingsConflict change={state.conflict.change} current={state.conflict.current} yours={values} />}
      <div className="grid gap-5 sm:grid-cols-2">
        <Field
          name="timeZone"
          label="Time zone"
          hint="IANA name. Weeks run Monday 00:00 to Monday 00:00 in this zone; every figure is bucketed by it."
          errors={errors.timeZone}
        >
          {(aria) => <input {...aria} name="timeZone" list="time-zones" defaultValue={values.timeZone} autoComplete="off" className={inputClass} />}
        </Field>
        <datalist id="time-zones">
          {props.timeZones.map((zone) => (
            <option key={zone} value={zone} />
          ))}
        </datalist>
        <Field
          name="meetingWeekday"
          label="Meeting day"
          hint="The weekly review of week W is held on this day of the following week."
          errors={errors.meetingWeekday}
        >
          {(aria) => (
            <select {...aria} name="meetingWeekday" defaultValue={values.meetingWeekday} className={inputClass}>
              {WEEKDAYS.map((day, index) => (
                <option key={day} value={index + 1}>
                  {day}
                </option>
              ))}
            </select>
          )}
        </Field>
        <NumberField
          name="meetingLengthMinutes"
          label="Meeting length (minutes)"
          hint="From 15 to 480."
          errors={errors.meetingLengthMinutes}
          bounds={{ min: 15, max: 480, step: 5 }}
          value={values.meetingLengthMinutes}
        />
        <NumberField
          name="sloTarget"
          inputName="sloTargetPercent"
          label="Organisation SLO target (%)"
          hint="Availability target of the whole organisation, e.g. 99.9; services keep their own."
          errors={errors.sloTarget}
          bounds={{ min: 90, max: 99.9999, step: "any" }}
          value={values.sloTargetPercent}
        />
      </div>
      <ApprovalPolicyFieldset policy={values.approvalPolicy} errors={errors} />
      <Field
        name="aiTools"
        label="AI tools"
        hint="One a line. A commit's Co-authored-by trailer that names one of these (as a whole word, in any case) marks the change as AI-assisted. Saving re-reads every recorded change."
        errors={errors.aiTools}
      >
        {(aria) => <textarea {...aria} name="aiTools" rows={6} defaultValue={values.aiTools} className={`${inputClass} max-w-sm font-mono`} />}
      </Field>
      <div className="flex items-center gap-4">
        <Button type="submit" disabled={pending} size="lg">
          {pending ? "Saving…" : "Save settings"}
        </Button>
        <span className="text-xs text-slate-500">Editing version {version}</span>
      </div>
    </form>
  );
}
