import { PanelTableHead } from "@/features/incidents/components/panel-table-head";
import { LocalTime } from "@/components/ui/local-time";
import { SEVERITY_LABELS } from "@/lib/domain/incident-enums";
import type { PagerDutyFormValues, PagerDutyMapping } from "../settings-form-values";

/** The settings as someone else saved them: enough to compare with the form. */
export type PagerDutyCurrent = PagerDutyMapping & { signingSecretCount: number; updatedAt: string | null };

const severityWords = (severity: string) => SEVERITY_LABELS[severity as keyof typeof SEVERITY_LABELS] ?? severity;

/** Shown when someone saved first: their mapping beside the user's, which the form kept. */
export function PagerDutyConflict(props: { current: PagerDutyCurrent; yours: PagerDutyFormValues; nameOf: (slug: string) => string }) {
  const { current, yours, nameOf } = props;
  const services = (rows: [string, string][]) => rows.map(([id, slug]) => `${id} → ${slug ? nameOf(slug) : "no service"}`).join("; ") || "None";
  const priorities = (rows: [string, string][]) => rows.map(([priority, severity]) => `${priority} → ${severityWords(severity)}`).join("; ") || "None";
  const rows: [string, string, string][] = [
    ["PagerDuty services", services(Object.entries(current.services)), services(yours.services.map((row) => [row.pagerDutyId, row.slug]))],
    ["Default service", current.defaultService ? nameOf(current.defaultService) : "None", yours.defaultService ? nameOf(yours.defaultService) : "None"],
    ["Priorities", priorities(Object.entries(current.priorities)), priorities(yours.priorities.map((row) => [row.priority, row.severity]))],
    ["Signing secrets", `${current.signingSecretCount} set`, yours.signingSecrets.trim() ? "Replaced by the ones you typed" : "Kept"],
  ];
  return (
    <section aria-labelledby="pagerduty-conflict" className="space-y-3 rounded-lg border border-amber-300 bg-amber-50 p-5 text-sm text-amber-950">
      <h2 id="pagerduty-conflict" className="text-base font-semibold">
        Changed by someone else since you opened this page
      </h2>
      <p>
        {current.updatedAt ? (
          <>
            Saved at <LocalTime iso={current.updatedAt} />.
          </>
        ) : (
          "Saved by someone else."
        )}{" "}
        Nothing of yours was saved: your values are still in the form. Save again to apply them over theirs.
      </p>
      <table className="w-full table-fixed text-left">
        <caption className="sr-only">Current PagerDuty settings beside your values</caption>
        <PanelTableHead columns={["Setting", "Now", "Yours"]} tone="text-amber-800" firstWidth="w-1/4" />
        <tbody>
          {rows.map(([name, now, mine]) => (
            <tr key={name} className="border-t border-amber-200 align-top">
              <th scope="row" className="py-1 pr-3 font-medium">
                {name}
              </th>
              <td className="py-1 pr-3 [overflow-wrap:anywhere]">{now}</td>
              <td className={`py-1 [overflow-wrap:anywhere] ${now === mine ? "" : "font-semibold"}`}>{mine}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
