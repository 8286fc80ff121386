import { Panel } from "@/components/ui/panel";
import { Field, fieldIdOf, inputClass } from "@/components/ui/field";
import type { FieldErrors } from "@/lib/validation";
import {
  AI_INVOLVEMENTS,
  AUTHOR_LEVELS,
  BLAST_RADII,
  CHANGE_APPROVALS,
  INCIDENT_STATUSES,
  ROOT_CAUSE_CATEGORIES,
  SEVERITIES,
} from "@/lib/domain/incident-enums";
import { enumFieldLabel, INCIDENT_FORM_LABELS } from "../field-labels";
import type { IncidentFormValues } from "../form-values";

export type ServiceOption = { slug: string; name: string; team: { name: string } };

const labelFor = INCIDENT_FORM_LABELS as Record<string, string>;
const CHANGE_REFERENCE_HINT =
  "If the deploy pipeline recorded this change, its author level, sign-off and AI involvement are filled in from it unless you set them here.";

/** Every field of an incident, filled from `values`; shared by filing and editing. */
export function IncidentFormFields(props: { values: IncidentFormValues; errors: FieldErrors; services: ServiceOption[]; timeZone: string }) {
  const { values, errors, services, timeZone } = props;
  const value = (name: string) => {
    const v = values[name];
    return typeof v === "string" ? v : undefined;
  };
  const servicesError = errors.services ? `${fieldIdOf("services")}-error` : undefined;
  const chosenServices = new Set(Array.isArray(values.services) ? values.services : []);
  // `empty`: the words of a first, empty choice; without it a field with no fallback asks to choose.
  const select = (name: string, options: readonly string[], fallback?: string, empty?: string) => (
    <Field name={name} label={labelFor[name] ?? name} errors={errors[name]}>
      {(aria) => (
        <select {...aria} name={name} defaultValue={value(name) ?? fallback ?? ""} className={inputClass}>
          {empty && <option value="">{empty}</option>}
          {!fallback && !empty && <option value="">Choose…</option>}
          {options.map((o) => (
            <option key={o} value={o}>
              {enumFieldLabel(name, o)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
  const text = (name: string, options: { type?: string; hint?: string; placeholder?: string; rows?: number } = {}) => (
    <Field name={name} label={labelFor[name] ?? name} hint={options.hint} errors={errors[name]}>
      {(aria) =>
        options.rows ? (
          <textarea {...aria} name={name} rows={options.rows} defaultValue={value(name)} placeholder={options.placeholder} className={inputClass} />
        ) : (
          <input {...aria} name={name} type={options.type ?? "text"} defaultValue={value(name)} placeholder={options.placeholder} className={inputClass} />
        )
      }
    </Field>
  );

  return (
    <>
      <Panel title="What is happening">
        {text("title", { placeholder: "Checkout fails for card payments in us-east-1" })}
        <div className="grid gap-4 sm:grid-cols-2">
          {select("severity", SEVERITIES)}
          {select("status", INCIDENT_STATUSES, "INVESTIGATING")}
        </div>
        <fieldset aria-describedby={servicesError}>
          <legend className="text-sm font-medium text-slate-800">{labelFor.services}</legend>
          <div className="mt-2 grid gap-1 sm:grid-cols-3">
            {services.map((s, index) => (
              <label key={s.slug} className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  name="services"
                  value={s.slug}
                  defaultChecked={chosenServices.has(s.slug)}
                  id={index === 0 ? fieldIdOf("services") : undefined}
                  aria-invalid={servicesError ? true : undefined}
                  aria-describedby={servicesError}
                />
                <span>
                  {s.name} <span className="text-slate-500">· {s.team.name}</span>
                </span>
              </label>
            ))}
          </div>
          {errors.services && (
            <p id={servicesError} role="alert" className="mt-1 text-sm text-red-700">
              {labelFor.services}: {errors.services.join("; ")}
            </p>
          )}
        </fieldset>
        {text("summary", { rows: 4, hint: "Markdown. What customers saw, what is being done." })}
      </Panel>
      <Panel title="When" note={`Times are in your time zone (${timeZone}).`}>
        <div className="grid gap-4 sm:grid-cols-2">
          {text("startedAt", { type: "datetime-local", hint: "When customer impact began." })}
          {text("detectedAt", { type: "datetime-local" })}
          {text("mitigatedAt", { type: "datetime-local", hint: "When customer impact ended." })}
          {text("resolvedAt", { type: "datetime-local", hint: "When the root cause was fixed." })}
        </div>
      </Panel>
      <Panel title="Impact">
        <div className="grid gap-4 sm:grid-cols-2">
          {text("impact.usersAffected", { type: "number" })}
          {text("impact.failedTransactions", { type: "number", hint: "Orders, payments or requests that failed. Optional." })}
          {text("impact.regions", { placeholder: "us-east-1, eu-west-1", hint: "Comma-separated; empty means all regions." })}
          {text("impact.capabilities", { placeholder: "checkout, pricing", hint: "Customer-facing functions hit, comma-separated." })}
          {select("blastRadius", BLAST_RADII)}
        </div>
      </Panel>
      <Panel title="Root cause">
        {select("rootCause.category", ROOT_CAUSE_CATEGORIES, "UNKNOWN")}
        {text("rootCause.description", { rows: 3, hint: "Markdown." })}
      </Panel>
      <Panel title="Triggering change and AI involvement">
        <div className="grid gap-4 sm:grid-cols-2">
          {text("change.reference", { placeholder: "PR, deploy or change-ticket id or URL", hint: CHANGE_REFERENCE_HINT })}
          {select("change.authorLevel", AUTHOR_LEVELS, undefined, "From the recorded change, or unknown")}
          {select("change.approval", CHANGE_APPROVALS, undefined, "From the recorded change, or none")}
          {select("ai.involvement", AI_INVOLVEMENTS, undefined, "From the recorded change, or none")}
          {text("ai.tool", { placeholder: "e.g. Kiro, Amazon Q Developer, GitHub Copilot" })}
        </div>
        {text("ai.description", { rows: 2, hint: "What the tool did, e.g. “deleted and recreated the environment”." })}
      </Panel>
    </>
  );
}
