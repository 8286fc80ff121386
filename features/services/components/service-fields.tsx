import { Field, inputClass } from "@/components/ui/field";
import { InputField, SlugField } from "@/components/ui/input-field";
import { SelectOptions } from "@/components/ui/select-options";
import type { FieldErrors } from "@/lib/validation";
import type { ServiceFormValues } from "../form-values";

export type TeamChoice = { slug: string; name: string };

/** Name, team and SLO target; the slug too while the service is being created (it never changes after). */
export function ServiceFields(props: { values?: ServiceFormValues; errors: FieldErrors; teams: TeamChoice[]; withSlug: boolean }) {
  const { values, errors } = props;
  return (
    <div className="grid gap-5 sm:grid-cols-2">
      {props.withSlug && (
        <SlugField
          hint="Lower-case letters, digits and hyphens, e.g. checkout-api. It names the service in links and the API and cannot change."
          errors={errors.slug}
          defaultValue={values?.slug}
        />
      )}
      <InputField
        name="name"
        label="Name"
        hint="2 to 100 characters, as people call it."
        errors={errors.name}
        required
        maxLength={100}
        defaultValue={values?.name}
        autoComplete="off"
      />
      <Field name="team" label="Team" hint="The team that owns it; its figures count in that team's trends." errors={errors.team}>
        {(aria) => (
          <select {...aria} name="team" required defaultValue={values?.team ?? ""} className={inputClass}>
            <SelectOptions empty="Choose a team" emptyDisabled options={props.teams.map((team) => ({ value: team.slug, label: team.name }))} />
          </select>
        )}
      </Field>
      <InputField
        field="sloTarget"
        name="sloTargetPercent"
        label="SLO target (%)"
        hint="Availability target from 90 to below 100, at most two decimals, e.g. 99.9 or 99.95."
        errors={errors.sloTarget}
        type="number"
        required
        min={90}
        max={99.99}
        step={0.01}
        defaultValue={values?.sloTargetPercent ?? "99.9"}
      />
    </div>
  );
}
