"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { createServiceAction, type CreateServiceState } from "../actions/create-service";
import { ServiceFields, type TeamChoice } from "./service-fields";

const initialState: CreateServiceState = {};

export function NewServiceForm({ teams }: { teams: TeamChoice[] }) {
  const [state, formAction, pending] = useActionState(createServiceAction, initialState);
  return (
    <form action={formAction} key={JSON.stringify(state.values ?? {})} className="space-y-6" noValidate>
      <FormMessage state={state} />
      <ServiceFields values={state.values} errors={state.fieldErrors ?? {}} teams={teams} withSlug />
      <Button type="submit" size="lg" disabled={pending}>
        {pending ? "Creating…" : "Create service"}
      </Button>
    </form>
  );
}
