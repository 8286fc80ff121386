"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { updateServiceAction, type UpdateServiceState } from "../actions/update-service";
import type { ServiceFormValues } from "../form-values";
import { ServiceConflict } from "./service-conflict";
import { ServiceFields, type TeamChoice } from "./service-fields";

const initialState: UpdateServiceState = {};

/** Name, team and SLO target of a service, saved at the version the page was opened. */
export function EditServiceForm(props: { slug: string; version: number; values: ServiceFormValues; teams: TeamChoice[] }) {
  const [state, formAction, pending] = useActionState(updateServiceAction, initialState);
  const values = state.values ?? props.values;
  const version = state.version ?? props.version;
  return (
    <form action={formAction} key={`${version}|${JSON.stringify(values)}`} className="space-y-6" noValidate>
      <input type="hidden" name="service" value={props.slug} />
      <input type="hidden" name="version" value={version} />
      <FormMessage state={state} />
      {state.conflict && <ServiceConflict current={state.conflict} yours={values} teams={props.teams} />}
      <ServiceFields values={values} errors={state.fieldErrors ?? {}} teams={props.teams} withSlug={false} />
      <div className="flex flex-wrap items-center gap-4">
        <Button type="submit" size="lg" disabled={pending}>
          {pending ? "Saving…" : "Save service"}
        </Button>
        <span className="text-xs text-slate-500">Editing version {version}</span>
      </div>
    </form>
  );
}
