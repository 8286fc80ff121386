"use client";

import { useActionState } from "react";
import { InputField, SlugField } from "@/components/ui/input-field";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import type { FormState } from "@/lib/forms/state";
import { createTeamAction } from "../actions/create-team";
import { updateTeamAction, type UpdateTeamState } from "../actions/update-team";
import { RetireForm } from "./retire-form";

const nameHint = "2 to 100 characters, as people call the team.";

export function NewTeamForm() {
  const [state, formAction, pending] = useActionState(createTeamAction, {} as FormState);
  const errors = state.fieldErrors ?? {};
  return (
    <form action={formAction} key={JSON.stringify(state.values ?? {})} className="space-y-6" noValidate>
      <FormMessage state={state} />
      <div className="grid gap-5 sm:grid-cols-2">
        <SlugField hint="Lower-case letters, digits and hyphens, e.g. storefront. It cannot change." errors={errors.slug} defaultValue={state.values?.slug} />
        <InputField
          name="name"
          label="Name"
          hint={nameHint}
          errors={errors.name}
          required
          maxLength={100}
          defaultValue={state.values?.name}
          autoComplete="off"
        />
      </div>
      <Button type="submit" size="lg" disabled={pending}>
        {pending ? "Creating…" : "Create team"}
      </Button>
    </form>
  );
}

/** Renames the team at the version the page was opened; a conflict shows the name it now has. */
export function RenameTeamForm(props: { slug: string; name: string; version: number }) {
  const [state, formAction, pending] = useActionState(updateTeamAction, {} as UpdateTeamState);
  const version = state.version ?? props.version;
  const name = state.values?.name ?? props.name;
  return (
    <form action={formAction} key={`${version}|${name}`} className="space-y-4" noValidate>
      <input type="hidden" name="team" value={props.slug} />
      <input type="hidden" name="version" value={version} />
      <FormMessage state={state} />
      {state.conflict && (
        <p className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950">
          Changed by someone else since you opened this page. Name now: <strong className="break-words">{state.conflict.name}</strong>; yours:{" "}
          <strong className="break-words">{name}</strong>.
        </p>
      )}
      <InputField
        name="name"
        label="Name"
        hint={nameHint}
        errors={state.fieldErrors?.name}
        className="max-w-md"
        required
        maxLength={100}
        defaultValue={name}
        autoComplete="off"
      />
      <Button type="submit" size="lg" disabled={pending}>
        {pending ? "Saving…" : "Save team"}
      </Button>
    </form>
  );
}

/** Retires the team (refused while it owns active services, naming them) or brings it back. */
export function RetireTeamButton(props: { slug: string; name: string; version: number; retired: boolean }) {
  const label = props.retired ? `Bring ${props.name} back` : `Retire ${props.name}`;
  return <RetireForm action={updateTeamAction} target={{ field: "team", slug: props.slug }} version={props.version} retire={!props.retired} label={label} />;
}
