"use client";

import { useActionState } from "react";
import { inputClass } from "@/components/ui/field";
import { SubmitRow } from "@/components/ui/submit-row";
import { saveWebhookScheduleAction, type SaveWebhookScheduleState } from "../actions/save-webhook-schedule";
import type { WebhookScheduleView } from "../reads";
import { hourWords, WEEKDAY_NAMES } from "../words";

const initialState: SaveWebhookScheduleState = {};
const HOURS = Array.from({ length: 24 }, (_, hour) => hour);
// The sentence's own selects: as wide as their words, on the line of the text around them.
const selectClass = inputClass.replace("mt-1 block w-full", "inline-block w-auto");

function HourSelect(props: { name: string; label: string; value: string; errors?: string[] }) {
  return (
    <select
      name={props.name}
      aria-label={props.label}
      defaultValue={props.value}
      aria-invalid={props.errors?.length ? true : undefined}
      className={selectClass}
    >
      {HOURS.map((hour) => (
        <option key={hour} value={hour}>
          {hourWords(hour)}
        </option>
      ))}
    </select>
  );
}

/** When the weekly digest and the weekday reminders go out, saved at the version the page was opened with. */
export function WebhookScheduleForm(props: { schedule: WebhookScheduleView; timeZone: string }) {
  const [state, formAction, pending] = useActionState(saveWebhookScheduleAction, initialState);
  const version = state.version ?? props.schedule.version;
  const values = state.kept ?? {
    digestWeekday: String(props.schedule.digestWeekday),
    digestHour: String(props.schedule.digestHour),
    reminderHour: String(props.schedule.reminderHour),
  };
  const errors = state.fieldErrors ?? {};
  return (
    <form action={formAction} key={`${version}|${JSON.stringify(values)}`} className="space-y-4" noValidate>
      <input type="hidden" name="version" value={version} />
      <p className="flex flex-wrap items-center gap-2 text-sm">
        <span>Weekly digest on</span>
        <select name="digestWeekday" aria-label="Digest weekday" defaultValue={values.digestWeekday} className={selectClass}>
          {WEEKDAY_NAMES.map((name, index) => (
            <option key={name} value={index + 1}>
              {name}
            </option>
          ))}
        </select>
        <span>at</span>
        <HourSelect name="digestHour" label="Digest hour" value={values.digestHour} errors={errors.digestHour} />
      </p>
      <p className="flex flex-wrap items-center gap-2 text-sm">
        <span>Action-item reminders on weekdays at</span>
        <HourSelect name="reminderHour" label="Reminder hour" value={values.reminderHour} errors={errors.reminderHour} />
      </p>
      <p className="text-xs text-slate-500">Times are in the organisation&apos;s time zone, {props.timeZone}.</p>
      <SubmitRow pending={pending} label="Save schedule" pendingLabel="Saving…" state={state}>
        <span className="text-xs text-slate-500">Editing version {version}</span>
      </SubmitRow>
    </form>
  );
}
