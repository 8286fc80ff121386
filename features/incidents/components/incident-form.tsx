"use client";

import Link from "next/link";
import { useActionState, useSyncExternalStore } from "react";
import { buttonClass } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { FormMessage } from "@/components/ui/form-message";
import { useBrowserTimeZone } from "@/components/ui/use-browser-time-zone";
import type { FieldErrors } from "@/lib/validation";
import { fileIncidentAction } from "../actions/file-incident";
import { updateIncidentAction, type EditIncidentState } from "../actions/update-incident";
import { incidentFormValuesOf } from "../edit-form";
import type { IncidentFormState } from "../form-values";
import { INCIDENT_FORM_FIELDS, INCIDENT_FORM_LABELS } from "../field-labels";
import type { IncidentResponse } from "../reads";
import { IncidentConflictPanel } from "./incident-conflict-panel";
import { IncidentFormFields, type ServiceOption } from "./incident-form-fields";

const primaryButton = buttonClass("primary", "lg");

/** Files a new incident, or, given `edit`, edits that incident at the version it was opened. */
export function IncidentForm({ services, edit }: { services: ServiceOption[]; edit?: { incident: IncidentResponse } }) {
  return edit ? <EditIncidentForm services={services} incident={edit.incident} /> : <FileIncidentForm services={services} />;
}

const initialFileState: IncidentFormState = {};

function FileIncidentForm({ services }: { services: ServiceOption[] }) {
  const [state, formAction, pending] = useActionState(fileIncidentAction, initialFileState);
  const timeZone = useBrowserTimeZone();
  return (
    <form action={formAction} key={JSON.stringify(state.values)} className="space-y-8" noValidate>
      <input type="hidden" name="timeZone" value={timeZone} />
      <FormMessage state={state} />
      <IncidentErrorSummary errors={state.fieldErrors ?? {}} outcome="Nothing was filed. Correct them and file the incident again." />
      <IncidentFormFields values={state.values ?? {}} errors={state.fieldErrors ?? {}} services={services} timeZone={timeZone} />
      <div className="flex items-center gap-4">
        <button type="submit" disabled={pending} className={primaryButton}>
          {pending ? "Filing…" : "File incident"}
        </button>
      </div>
    </form>
  );
}

const initialEditState: EditIncidentState = {};
const noSubscription = () => () => {};

function EditIncidentForm({ services, incident }: { services: ServiceOption[]; incident: IncidentResponse }) {
  const [state, formAction, pending] = useActionState(updateIncidentAction, initialEditState);
  const timeZone = useBrowserTimeZone();
  // The times are shown on the editor's own clock, which the server does not know: render
  // the form once in the browser rather than in UTC first and then reset under their typing.
  const inBrowser = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  if (!inBrowser) return <p className="text-sm text-slate-500">Loading the form…</p>;
  // Until the server answers, the form shows the incident as opened, in the editor's zone;
  // afterwards, whatever the server handed back (the user's values, or them re-applied).
  const opened = state.baseline ? null : incidentFormValuesOf(incident, timeZone);
  const values = opened ?? state.values ?? {};
  const baseline = opened ?? state.baseline ?? {};
  const version = state.version ?? incident.version;
  return (
    <form action={formAction} key={`${version}|${timeZone}|${JSON.stringify(values)}`} className="space-y-8" noValidate>
      <input type="hidden" name="timeZone" value={timeZone} />
      <input type="hidden" name="reference" value={incident.reference} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="baseline" value={JSON.stringify(baseline)} />
      <FormMessage state={state} />
      <IncidentErrorSummary errors={state.fieldErrors ?? {}} outcome="Nothing was saved. Correct them and save again." />
      {state.conflict && <IncidentConflictPanel conflict={state.conflict} values={values} />}
      <IncidentFormFields values={values} errors={state.fieldErrors ?? {}} services={services} timeZone={timeZone} />
      <div className="flex items-center gap-4">
        <button type="submit" name="intent" value="save" disabled={pending} className={primaryButton}>
          {pending ? "Saving…" : "Save changes"}
        </button>
        <Link href={`/incidents/${incident.reference}`} className="text-sm font-medium text-slate-700 hover:text-indigo-700">
          Cancel
        </Link>
        <span className="text-xs text-slate-500">Editing version {version}</span>
      </div>
    </form>
  );
}

const IncidentErrorSummary = ({ errors, outcome }: { errors: FieldErrors; outcome: string }) => (
  <ErrorSummary errors={errors} labels={INCIDENT_FORM_LABELS} order={INCIDENT_FORM_FIELDS} subject="this incident" outcome={outcome} />
);
