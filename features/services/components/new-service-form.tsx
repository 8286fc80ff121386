"use client";

import { useActionState } from "react";
import { createServiceAction, type CreateServiceState } from "../actions/create-service";
import { FormMessages, ServiceFields, submitClass, type TeamChoice } from "./service-fields";

const initialState: CreateServiceState = {};

export function NewServiceForm({ teams }: { teams: TeamChoice[] }) {
  const [state, formAction, pending] = useActionState(createServiceAction, initialState);
  return (
    <form action={formAction} key={JSON.stringify(state.values ?? {})} className="space-y-6" noValidate>
      <FormMessages error={state.error} />
      <ServiceFields values={state.values} errors={state.fieldErrors ?? {}} teams={teams} withSlug />
      <button type="submit" disabled={pending} className={submitClass}>
        {pending ? "Creating…" : "Create service"}
      </button>
    </form>
  );
}
