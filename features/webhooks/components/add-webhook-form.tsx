"use client";

import { useActionState } from "react";
import { Field, fieldIdOf, inputClass } from "@/components/ui/field";
import { SubmitRow } from "@/components/ui/submit-row";
import { WEBHOOK_EVENT_LABELS, WEBHOOK_EVENT_TYPES } from "@/lib/jobs/events";
import { addWebhookAction, type AddedWebhook, type AddWebhookState } from "../actions/add-webhook";
import { MIN_SECRET_LENGTH, WEBHOOK_FORMAT_LABELS, WEBHOOK_FORMATS } from "../schemas";

const initialState: AddWebhookState = {};

/** Adds a webhook; after adding, shows its secret this once. */
export function AddWebhookForm() {
  const [state, formAction, pending] = useActionState(addWebhookAction, initialState);
  const errors = state.fieldErrors ?? {};
  const chosen = state.events ?? ["incident.sev1_filed", "review.prepared", "review.digest"];
  const eventsError = errors.events?.length ? `${fieldIdOf("events")}-error` : undefined;
  return (
    <div className="space-y-4">
      {state.added && <NewSecret key={state.added.id} added={state.added} />}
      <form action={formAction} key={state.added?.id ?? JSON.stringify([state.values, state.events])} className="space-y-4" noValidate>
        <Field name="url" label="Receiver URL" hint="Where the events are posted, e.g. a Slack incoming-webhook address." errors={errors.url}>
          {(aria) => <input {...aria} name="url" type="url" required maxLength={2000} defaultValue={state.values?.url} className={inputClass} />}
        </Field>
        <fieldset aria-describedby={eventsError} aria-invalid={eventsError ? true : undefined}>
          <legend className="text-sm font-medium text-slate-800">Events</legend>
          <div className="mt-1 grid gap-1 sm:grid-cols-2">
            {WEBHOOK_EVENT_TYPES.map((type) => (
              <label key={type} className="flex items-center gap-2 text-sm">
                <input type="checkbox" name="events" value={type} defaultChecked={chosen.includes(type)} />
                {WEBHOOK_EVENT_LABELS[type]}
              </label>
            ))}
          </div>
          {eventsError && (
            <p id={eventsError} role="alert" className="mt-1 text-sm text-red-700">
              Events: {errors.events!.join("; ")}
            </p>
          )}
        </fieldset>
        <Field name="format" label="Format" errors={errors.format}>
          {(aria) => (
            <select {...aria} name="format" defaultValue={state.values?.format ?? "json"} className={`${inputClass} max-w-xs`}>
              {WEBHOOK_FORMATS.map((format) => (
                <option key={format} value={format}>
                  {WEBHOOK_FORMAT_LABELS[format]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          name="secret"
          label="Signing secret (optional)"
          hint={`At least ${MIN_SECRET_LENGTH} characters. Leave it empty and one is made for you; it is shown once, after adding.`}
          errors={errors.secret}
        >
          {(aria) => <input {...aria} name="secret" type="text" autoComplete="off" spellCheck={false} className={`${inputClass} font-mono`} />}
        </Field>
        <SubmitRow pending={pending} label="Add webhook" pendingLabel="Adding…" state={state.added ? undefined : state} />
      </form>
    </div>
  );
}

function NewSecret({ added }: { added: AddedWebhook }) {
  return (
    <section aria-labelledby="new-secret-heading" className="space-y-2 rounded-md border border-emerald-300 bg-emerald-50 p-4">
      <h3 id="new-secret-heading" className="text-sm font-semibold text-emerald-900 [overflow-wrap:anywhere]">
        Webhook added: {added.url}
      </h3>
      <label htmlFor="new-webhook-secret" className="block text-sm font-medium text-slate-800">
        Signing secret
      </label>
      <input
        id="new-webhook-secret"
        readOnly
        value={added.secret}
        aria-describedby="new-webhook-secret-note"
        onFocus={(event) => event.currentTarget.select()}
        className={`${inputClass} font-mono`}
      />
      <p id="new-webhook-secret-note" role="status" className="text-sm text-emerald-900">
        Copy it now: it will not be shown again. The receiver checks X-Ops-Review-Signature with it.
      </p>
    </section>
  );
}
