"use client";

import { useActionState } from "react";
import { Field, inputClass } from "@/components/ui/field";
import { SelectOptions } from "@/components/ui/select-options";
import { SubmitRow } from "@/components/ui/submit-row";
import { SEVERITIES, SEVERITY_LABELS } from "@/lib/domain/incident-enums";
import { savePagerDutySettingsAction, type SavePagerDutySettingsState } from "../actions/save-pagerduty-settings";
import { pagerDutyFieldLabel, type PagerDutyFormValues } from "../settings-form-values";
import { MappingTable } from "./mapping-table";
import { PagerDutyConflict } from "./pagerduty-conflict";

/** A catalogue service the mapping may name. */
export type ServiceChoice = { slug: string; name: string; retired: boolean };

const initialState: SavePagerDutySettingsState = {};
const severityOptions = SEVERITIES.map((severity) => ({ value: severity, label: SEVERITY_LABELS[severity] }));

const secretsWords = (count: number) =>
  count === 0 ? "No signing secret is set: PagerDuty's deliveries are refused until one is." : `${count} signing secret${count === 1 ? " is" : "s are"} set.`;

/** The PagerDuty mapping and signing secrets, saved at the version the page was opened. */
export function PagerDutySettingsForm(props: { values: PagerDutyFormValues; version: number; signingSecretCount: number; services: ServiceChoice[] }) {
  const [state, formAction, pending] = useActionState(savePagerDutySettingsAction, initialState);
  const values = state.kept ?? props.values;
  const version = state.version ?? props.version;
  const errors = state.fieldErrors ?? {};
  const serviceOptions = props.services.map((service) => ({ value: service.slug, label: service.retired ? `${service.name} (retired)` : service.name }));
  const nameOf = (slug: string) => props.services.find((service) => service.slug === slug)?.name ?? slug;
  return (
    <form action={formAction} key={`${version}|${JSON.stringify(values)}`} className="space-y-6" noValidate>
      <input type="hidden" name="version" value={version} />
      {state.conflict && <PagerDutyConflict current={state.conflict} yours={values} nameOf={nameOf} />}
      <Field
        name="signingSecrets"
        label="Signing secrets"
        hint={`${secretsWords(props.signingSecretCount)} To replace them, paste the new ones here, one a line (during a rotation, the old and the new). Leave it empty to keep the current ones.`}
        errors={errors.signingSecrets}
      >
        {(aria) => (
          <textarea
            {...aria}
            name="signingSecrets"
            rows={3}
            defaultValue={values.signingSecrets}
            autoComplete="off"
            spellCheck={false}
            className={`${inputClass} max-w-xl font-mono`}
          />
        )}
      </Field>
      <MappingTable
        field="services"
        legend="PagerDuty services"
        hint="Each PagerDuty service id (such as PABC123, in the service's address in PagerDuty) and the service of ours its incidents are filed under."
        columns={[
          { name: "serviceId", header: "PagerDuty service id", mono: true },
          { name: "serviceSlug", header: "Service", choices: { empty: "Choose a service", options: serviceOptions } },
        ]}
        rows={values.services.map((row) => [row.pagerDutyId, row.slug])}
        newRow={["", ""]}
        addLabel="Add a PagerDuty service"
        errors={errors}
        errorLabel={(id) => pagerDutyFieldLabel(`services.${id}`)}
      />
      <Field
        name="defaultService"
        label="Default service"
        hint="For an incident of a PagerDuty service not in the table. With none, such events are ignored."
        errors={errors.defaultService}
      >
        {(aria) => (
          <select {...aria} name="defaultService" defaultValue={values.defaultService} className={`${inputClass} max-w-sm`}>
            <SelectOptions empty="None: ignore unmapped services" options={serviceOptions} />
          </select>
        )}
      </Field>
      <MappingTable
        field="priorities"
        legend="Priorities"
        hint="Each PagerDuty priority and the severity it files as. An incident whose priority is not listed is not filed."
        columns={[
          { name: "priority", header: "PagerDuty priority", mono: true },
          { name: "severity", header: "Severity", choices: { empty: "Choose a severity", options: severityOptions } },
        ]}
        rows={values.priorities.map((row) => [row.priority, row.severity])}
        newRow={["", "SEV2"]}
        addLabel="Add a priority"
        errors={errors}
        errorLabel={(id) => pagerDutyFieldLabel(`priorities.${id}`)}
      />
      <SubmitRow pending={pending} label="Save PagerDuty settings" pendingLabel="Saving…" state={state}>
        <span className="text-xs text-slate-500">Editing version {version}</span>
      </SubmitRow>
    </form>
  );
}
